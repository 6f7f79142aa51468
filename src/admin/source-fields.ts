import { HOST_DATA_SOURCE_ID, type DataSource, type TokenKind } from '../domain/config';
import { normaliseSiteUrl } from '../domain/site-url';
import type { SaveSourcePayload } from '../shared/admin-contract';
import { describeError } from '../shared/app-error';
import { confluenceOnJiraSite, whyTokenAgain, type CredentialTarget } from '../shared/credential-site';
import { failFields, ok, type ErrorCode, type Result } from '../shared/result';
import type { AdminDeps } from './deps';
import { emailProblem, tokenProblem } from './field-checks';
import { checkHostGroups } from './group-checks';

/** A saved source's fields once every one of them passed its checks. */
export interface CheckedFields {
  name: string;
  jiraUrl: string;
  jiraEmail: string;
  jiraToken?: string;
  confluenceUrl?: string;
  confluenceEmail?: string;
  confluenceToken?: string;
  /** Undefined: no groups of its own (the dashboard groups decide). */
  viewGroups?: string[];
  tokenKind: TokenKind;
  /** Set for a scoped token: the site's cloud id. */
  cloudId?: string;
}

interface Problem {
  field: string;
  message: string;
  code: ErrorCode;
}

/**
 * Every field of a save checked, and every problem reported at once, each at its field (the
 * first one's code is the answer's). A check that needs an earlier field (the Confluence token
 * needs a valid Confluence URL) is skipped while that field is wrong.
 */
export async function checkSourceFields(deps: AdminDeps, p: SaveSourcePayload, existing: DataSource | undefined): Promise<Result<CheckedFields>> {
  const problems: Problem[] = [];
  const add = (field: string, message: string, code: ErrorCode = 'BAD_REQUEST') => problems.push({ field, message, code });

  const jira = await checkJiraUrl(deps, p.jiraUrl, existing, add);
  const emailErr = emailProblem(p.jiraEmail);
  if (emailErr) add('jiraEmail', emailErr);
  const jiraToken = p.jiraToken?.trim() || undefined;
  if (!jiraToken && !existing?.jiraTokenSetAt) add('jiraToken', 'Paste the API token of this account.');
  const jiraTokenErr = jiraToken ? tokenProblem(jiraToken) : undefined;
  if (jiraTokenErr) add('jiraToken', jiraTokenErr);

  const access = jira ? await checkTokenAccess(deps, p, existing, jira.url) : undefined;
  if (access && !access.ok) add(access.error.field ?? 'tokenKind', access.error.message, access.error.code);
  const out: CheckedFields = {
    name: p.name.trim() || (jira?.siteName ?? ''),
    jiraUrl: jira?.url ?? '',
    jiraEmail: p.jiraEmail.trim(),
    jiraToken,
    tokenKind: access?.ok ? access.data.tokenKind : 'classic',
    ...(access?.ok && access.data.cloudId ? { cloudId: access.data.cloudId } : {}),
  };
  const sitesKnown = jira !== undefined && access?.ok === true;
  const jiraAgain = sitesKnown && existing && !jiraToken && !jiraTokenErr ? whyTokenAgain(existing, out, 'jira') : undefined;
  if (jiraAgain) add('jiraToken', tokenAgain(jiraAgain));

  checkConfluence(p, existing, out, { sitesKnown, jiraHost: jira?.host }, add);

  const viewGroups = await checkViewGroups(deps, p, existing);
  if (viewGroups.ok) {
    if (viewGroups.data) out.viewGroups = viewGroups.data;
  } else {
    const { code, message, field, fields } = viewGroups.error;
    for (const f of fields ?? [{ field: field ?? 'viewGroups', message }]) add(f.field, f.message, code);
  }
  const [first, ...rest] = problems;
  if (first) return failFields(first.code, [first, ...rest]);
  return ok(out);
}

type Add = (field: string, message: string, code?: ErrorCode) => void;

async function checkJiraUrl(deps: AdminDeps, raw: string, existing: DataSource | undefined, add: Add) {
  const jira = normaliseSiteUrl(raw, 'jira');
  if (!jira.ok) {
    add('jiraUrl', jira.message);
    return undefined;
  }
  const others = await deps.config.listDataSources();
  const host = others.find((d) => d.id === HOST_DATA_SOURCE_ID);
  if (host && new URL(host.jiraUrl).hostname === jira.host) {
    add('jiraUrl', 'This is the site ActivityPulse is installed on: it is already connected (first in the list) and needs no token.');
    return undefined;
  }
  const dup = others.find((d) => d.id !== existing?.id && d.kind === 'cloud' && new URL(d.jiraUrl).hostname === jira.host);
  if (dup) {
    add('jiraUrl', `${jira.host} is already connected as "${dup.name}".`, 'CONFLICT');
    return undefined;
  }
  return jira;
}

function checkConfluence(p: SaveSourcePayload, existing: DataSource | undefined, out: CheckedFields, ctx: { sitesKnown: boolean; jiraHost?: string }, add: Add): void {
  const confluenceRaw = p.confluenceUrl?.trim();
  if (!confluenceRaw) {
    if (p.confluenceEmail?.trim() || p.confluenceToken?.trim()) add('confluenceUrl', 'Enter the Confluence URL, or leave the Confluence email and token empty.');
    return;
  }
  const conf = normaliseSiteUrl(confluenceRaw, 'confluence');
  if (!conf.ok) add('confluenceUrl', conf.message);
  else if (out.tokenKind === 'scoped' && ctx.jiraHost && conf.host !== ctx.jiraHost) {
    // The gateway reaches one site's products by that site's cloud id.
    add('confluenceUrl', 'With a scoped API token, Confluence must be on the same site as Jira: connect the other site as a data source of its own.');
  } else out.confluenceUrl = conf.url;
  const cEmail = p.confluenceEmail?.trim();
  if (cEmail) {
    const err = emailProblem(cEmail);
    if (err) add('confluenceEmail', err);
    else out.confluenceEmail = cEmail;
  }
  const cToken = p.confluenceToken?.trim();
  if (cToken) {
    const err = tokenProblem(cToken);
    if (err) add('confluenceToken', err);
    else out.confluenceToken = cToken;
  } else if (out.confluenceUrl && ctx.sitesKnown) {
    const missing = missingConfluenceToken(existing, out);
    if (missing) add('confluenceToken', missing);
  }
}

const tokenAgain = (why: string) => `Enter the API token again: ${why}. A saved token is only ever sent to the site it was entered for.`;

/**
 * The token kind (omitted: the saved one, new: classic), and for a scoped token the site's cloud
 * id, read from the site's public tenant info (never typed, so it cannot point elsewhere).
 */
async function checkTokenAccess(deps: AdminDeps, p: SaveSourcePayload, existing: DataSource | undefined, jiraUrl: string): Promise<Result<Pick<CheckedFields, 'tokenKind' | 'cloudId'>>> {
  const tokenKind: TokenKind = p.tokenKind ?? existing?.tokenKind ?? 'classic';
  if (tokenKind === 'classic') return ok({ tokenKind });
  const origin = new URL(jiraUrl).origin;
  try {
    return ok({ tokenKind, cloudId: await deps.cloudIdOf(origin) });
  } catch (e) {
    const { code } = describeError(e);
    return failFields(code === 'INTERNAL' ? 'UNREACHABLE' : code, [
      {
        field: 'tokenKind',
        message: `Could not read the cloud id of ${new URL(origin).host} (${origin}/_edge/tenant_info), which a scoped API token needs. Check the address and try again.`,
      },
    ]);
  }
}

/**
 * Why Confluence needs a token typed now (undefined: it has one). The saved Confluence token
 * counts only while Confluence stays on its site; without one, the Jira token serves only
 * Confluence on Jira's site.
 */
function missingConfluenceToken(existing: DataSource | undefined, next: CredentialTarget): string | undefined {
  if (existing?.confluenceTokenSetAt) {
    const why = whyTokenAgain(existing, next, 'confluence');
    return why ? tokenAgain(why) : undefined;
  }
  if (confluenceOnJiraSite(next)) return undefined;
  return 'Confluence is on another site than Jira: enter an API token for it. The Jira token is only used for Confluence on the same site.';
}

/** Omitted keeps the saved list; a list with no names left clears it (back to the default). */
async function checkViewGroups(deps: AdminDeps, p: SaveSourcePayload, existing: DataSource | undefined): Promise<Result<string[] | undefined>> {
  if (p.viewGroups === undefined) return ok(existing?.viewGroups);
  const checked = await checkHostGroups(deps, p.viewGroups, 'viewGroups');
  if (!checked.ok) return checked;
  return ok(checked.data.length ? checked.data : undefined);
}
