import { HOST_DATA_SOURCE_ID, type DataSource, type TokenKind } from '../domain/config';
import { normaliseSiteUrl } from '../domain/site-url';
import type { SaveSourcePayload } from '../shared/admin-contract';
import { describeError } from '../shared/app-error';
import { confluenceOnJiraSite, credentialsStayBound, whyTokenAgain, type CredentialTarget } from '../shared/credential-site';
import { fail, ok, type Result } from '../shared/result';
import type { TokenProduct } from '../store/config-repository';
import type { AdminDeps } from './deps';
import { ensureHostSource } from './ensure-host-source';
import { emailProblem, tokenProblem } from './field-checks';
import { checkHostGroups } from './group-checks';

export { ensureHostSource } from './ensure-host-source';

const TOKEN_PRODUCTS: readonly TokenProduct[] = ['jira', 'confluence'];

export async function listSources(deps: AdminDeps, contextSiteUrl: string | undefined): Promise<DataSource[]> {
  await ensureHostSource(deps, contextSiteUrl);
  return deps.config.listDataSources();
}

interface CheckedFields {
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

async function checkFields(deps: AdminDeps, p: SaveSourcePayload, existing: DataSource | undefined): Promise<Result<CheckedFields>> {
  const jira = normaliseSiteUrl(p.jiraUrl, 'jira');
  if (!jira.ok) return fail('BAD_REQUEST', jira.message, 'jiraUrl');
  const others = await deps.config.listDataSources();
  const host = others.find((d) => d.id === HOST_DATA_SOURCE_ID);
  if (host && new URL(host.jiraUrl).hostname === jira.host) {
    return fail('BAD_REQUEST', 'This is the site ActivityPulse is installed on: it is already connected (first in the list) and needs no token.', 'jiraUrl');
  }
  const dup = others.find((d) => d.id !== existing?.id && d.kind === 'cloud' && new URL(d.jiraUrl).hostname === jira.host);
  if (dup) return fail('CONFLICT', `${jira.host} is already connected as "${dup.name}".`, 'jiraUrl');
  const emailErr = emailProblem(p.jiraEmail);
  if (emailErr) return fail('BAD_REQUEST', emailErr, 'jiraEmail');
  const jiraToken = p.jiraToken?.trim() || undefined;
  if (!jiraToken && !existing?.jiraTokenSetAt) return fail('BAD_REQUEST', 'Paste the API token of this account.', 'jiraToken');
  if (jiraToken) {
    const err = tokenProblem(jiraToken);
    if (err) return fail('BAD_REQUEST', err, 'jiraToken');
  }
  const access = await checkTokenAccess(deps, p, existing, jira.url);
  if (!access.ok) return access;
  const out: CheckedFields = { name: p.name.trim() || jira.siteName, jiraUrl: jira.url, jiraEmail: p.jiraEmail.trim(), jiraToken, ...access.data };
  const jiraAgain = existing && !jiraToken ? whyTokenAgain(existing, out, 'jira') : undefined;
  if (jiraAgain) return fail('BAD_REQUEST', tokenAgain(jiraAgain), 'jiraToken');
  const confluenceRaw = p.confluenceUrl?.trim();
  if (confluenceRaw) {
    const conf = normaliseSiteUrl(confluenceRaw, 'confluence');
    if (!conf.ok) return fail('BAD_REQUEST', conf.message, 'confluenceUrl');
    if (out.tokenKind === 'scoped' && conf.host !== jira.host) {
      // The gateway reaches one site's products by that site's cloud id.
      return fail('BAD_REQUEST', 'With a scoped API token, Confluence must be on the same site as Jira: connect the other site as a data source of its own.', 'confluenceUrl');
    }
    out.confluenceUrl = conf.url;
    const cEmail = p.confluenceEmail?.trim();
    if (cEmail) {
      const err = emailProblem(cEmail);
      if (err) return fail('BAD_REQUEST', err, 'confluenceEmail');
      out.confluenceEmail = cEmail;
    }
    const cToken = p.confluenceToken?.trim();
    if (cToken) {
      const err = tokenProblem(cToken);
      if (err) return fail('BAD_REQUEST', err, 'confluenceToken');
      out.confluenceToken = cToken;
    } else {
      const missing = missingConfluenceToken(existing, out);
      if (missing) return fail('BAD_REQUEST', missing, 'confluenceToken');
    }
  } else if (p.confluenceEmail?.trim() || p.confluenceToken?.trim()) {
    return fail('BAD_REQUEST', 'Enter the Confluence URL, or leave the Confluence email and token empty.', 'confluenceUrl');
  }
  const viewGroups = await checkViewGroups(deps, p, existing);
  if (!viewGroups.ok) return viewGroups;
  if (viewGroups.data) out.viewGroups = viewGroups.data;
  return ok(out);
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
    return fail(
      code === 'INTERNAL' ? 'UNREACHABLE' : code,
      `Could not read the cloud id of ${new URL(origin).host} (${origin}/_edge/tenant_info), which a scoped API token needs. Check the address and try again.`,
      'tokenKind',
    );
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

/** Creates or updates an external Cloud source. Tokens go to KVS secrets only, never back out. */
export async function saveSource(deps: AdminDeps, p: SaveSourcePayload): Promise<Result<DataSource>> {
  if (p.id === HOST_DATA_SOURCE_ID) {
    return fail('BAD_REQUEST', 'The host site needs no address or token; it can only be enabled or disabled.', 'id');
  }
  const existing = p.id ? await deps.config.getDataSource(p.id) : undefined;
  if (p.id && !existing) return fail('NOT_FOUND', 'This data source no longer exists: reload the page.');
  const checked = await checkFields(deps, p, existing);
  if (!checked.ok) return checked;
  const f = checked.data;
  const at = deps.now().toISOString();
  const id = existing?.id ?? deps.newId('ds');
  const kept = (product: TokenProduct) => existing !== undefined && credentialsStayBound(existing, f, product);
  // A token bound to a site the source no longer names is deleted before the new address is
  // stored, so no state in between pairs the old token with the new site.
  for (const product of TOKEN_PRODUCTS) {
    const setAt = product === 'jira' ? existing?.jiraTokenSetAt : existing?.confluenceTokenSetAt;
    if (setAt && !kept(product)) await deps.config.clearDataSourceToken(id, product);
  }
  const doc: DataSource = {
    id,
    kind: 'cloud',
    name: f.name.slice(0, 100),
    enabled: p.enabled,
    jiraUrl: f.jiraUrl,
    jiraEmail: f.jiraEmail,
    ...(existing?.jiraTokenSetAt && kept('jira') ? { jiraTokenSetAt: existing.jiraTokenSetAt } : {}),
    ...(f.confluenceUrl ? { confluenceUrl: f.confluenceUrl } : {}),
    ...(f.confluenceUrl && f.confluenceEmail ? { confluenceEmail: f.confluenceEmail } : {}),
    ...(existing?.confluenceTokenSetAt && kept('confluence') ? { confluenceTokenSetAt: existing.confluenceTokenSetAt } : {}),
    ...(f.viewGroups ? { viewGroups: f.viewGroups } : {}),
    showRestrictedTitles: p.showRestrictedTitles ?? existing?.showRestrictedTitles === true,
    tokenKind: f.tokenKind,
    ...(f.cloudId ? { cloudId: f.cloudId } : {}),
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
    // New credentials deserve a fresh verdict: the next test or sync sets it again if still failing.
  };
  let saved = await deps.config.saveDataSource(doc);
  if (f.jiraToken) saved = await deps.config.setDataSourceToken(id, 'jira', f.jiraToken);
  if (f.confluenceToken) saved = await deps.config.setDataSourceToken(id, 'confluence', f.confluenceToken);
  return ok((await deps.config.getDataSource(id)) ?? saved);
}

export async function setSourceEnabled(deps: AdminDeps, id: string, enabled: boolean): Promise<Result<DataSource>> {
  const updated = await deps.config.updateDataSource(id, (ds) => ({ ...ds, enabled }));
  return updated ? ok(updated) : fail('NOT_FOUND', 'This data source no longer exists: reload the page.');
}

/**
 * Deletes a source: its secrets, the teammate identities that applied only to it, and every
 * activity stored from it (rollups recounted). The purge is recorded first, then the source goes,
 * then as much is deleted as this call has time for; the rest finishes in the background, as a
 * teammate removal does. Until then the dashboard shows the leftovers as counts only: an
 * activity whose source is unknown never shows a title (src/access/dashboard-access.ts).
 */
export async function deleteSource(deps: AdminDeps, id: string): Promise<Result<{ deleted: string; purge?: { activities: number; continuing: boolean } }>> {
  if (id === HOST_DATA_SOURCE_ID) return fail('BAD_REQUEST', 'The host site cannot be deleted; disable it instead.');
  const ds = await deps.config.getDataSource(id);
  if (!ds) return fail('NOT_FOUND', 'This data source no longer exists: reload the page.');
  const takeOff = async () => {
    await deps.config.deleteDataSource(id);
    await dropIdentitiesOf(deps, id);
  };
  if (!deps.purges) {
    await takeOff();
    return ok({ deleted: id });
  }
  const progress = await deps.purges.start({ dataSourceId: id }, ds.name, takeOff);
  return ok({ deleted: id, purge: { activities: progress.deleted, continuing: !progress.done } });
}

async function dropIdentitiesOf(deps: AdminDeps, id: string): Promise<void> {
  const doc = await deps.config.getTeammates();
  const teammates = doc.teammates.map((t) => ({
    ...t,
    externalIds: t.externalIds
      .filter((x) => x.dataSourceId !== id)
      .map((x) => {
        if (!x.resolutions?.[id]) return x;
        const resolutions = { ...x.resolutions };
        delete resolutions[id];
        return { ...x, resolutions };
      }),
  }));
  await deps.config.saveTeammates({ ...doc, teammates });
}
