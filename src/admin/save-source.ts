import { HOST_DATA_SOURCE_ID, type DataSource } from '../domain/config';
import type { ConnectionTest, ProductCheck, SaveSourcePayload } from '../shared/admin-contract';
import { credentialsStayBound } from '../shared/credential-site';
import { fail, ok, type ErrorCode, type Result } from '../shared/result';
import type { TokenProduct } from '../store/config-repository';
import { runConnectionTest, testPassed } from './connection-test';
import type { AdminDeps } from './deps';
import { checkSourceFields, type CheckedFields } from './source-fields';

const TOKEN_PRODUCTS: readonly TokenProduct[] = ['jira', 'confluence'];

/**
 * Statuses that say nothing about the credentials: the site may answer the next time. An
 * existing source that was enabled and not waiting for a test stays enabled on these.
 */
const INCONCLUSIVE: ReadonlySet<ProductCheck['status']> = new Set(['unreachable', 'rate-limited', 'error']);

export interface SavedSource {
  source: DataSource;
  /** The connection test run on this save (new source, or its addresses or credentials changed). */
  test?: ConnectionTest;
  /** What the test found wrong, each at the form field to fix. */
  problems?: { field: string; message: string }[];
  /** What the save did by itself, e.g. Confluence found at the site's /wiki and added. */
  notes?: string[];
}

/**
 * Creates or updates an external Cloud source. The fields are checked first, every problem at
 * once, and nothing is stored while any is wrong. Then the source is stored (tokens in KVS
 * secrets only) and, when it is new or its addresses or credentials changed, its connection is
 * tested: a failed test leaves it stored but disabled (`awaitingTest`, enabled by the first
 * passing test) with the failure at the field to fix. An existing, enabled source that only got
 * an inconclusive answer (unreachable, rate limited) keeps running: the sync marks it failing if
 * the problem lasts.
 */
export async function saveSource(deps: AdminDeps, p: SaveSourcePayload): Promise<Result<SavedSource>> {
  if (p.id === HOST_DATA_SOURCE_ID) {
    return fail('BAD_REQUEST', 'The host site needs no address or token; it can only be enabled or disabled.', 'id');
  }
  const existing = p.id ? await deps.config.getDataSource(p.id) : undefined;
  if (p.id && !existing) return fail('NOT_FOUND', 'This data source no longer exists: reload the page.');
  const checked = await checkSourceFields(deps, p, existing);
  if (!checked.ok) return checked;
  const f = checked.data;
  // A new source with no Confluence address tries Confluence on Jira's own site (see probeOutcome).
  const probing = !existing && !f.confluenceUrl;
  if (probing) f.confluenceUrl = `${new URL(f.jiraUrl).origin}/wiki`;
  let saved = await store(deps, p, existing, f);
  if (!(existing === undefined || changedConnection(existing, p, f) || existing.awaitingTest || (p.enabled && !existing.enabled))) {
    return ok({ source: saved });
  }
  let test = await runConnectionTest(deps, saved);
  const notes: string[] = [];
  if (probing) {
    const probe = probeOutcome(test);
    notes.push(probe.note);
    if (!probe.keep) {
      saved = (await deps.config.updateDataSource(saved.id, withoutConfluence)) ?? saved;
      test = { ...test };
      delete test.confluence;
    }
  }
  const problems = testProblems(test, saved);
  saved = await applyVerdict(deps, saved, existing, p.enabled, test, problems);
  return ok({ source: saved, test, ...(problems.length ? { problems } : {}), ...(notes.length ? { notes } : {}) });
}

/** Stores the checked fields; a token bound to a site the source no longer names is deleted first. */
async function store(deps: AdminDeps, p: SaveSourcePayload, existing: DataSource | undefined, f: CheckedFields): Promise<DataSource> {
  const at = deps.now().toISOString();
  const id = existing?.id ?? deps.newId('ds');
  const kept = (product: TokenProduct) => existing !== undefined && credentialsStayBound(existing, f, product);
  // Deleted before the new address is stored, so no state in between pairs the old token with the new site.
  for (const product of TOKEN_PRODUCTS) {
    const setAt = product === 'jira' ? existing?.jiraTokenSetAt : existing?.confluenceTokenSetAt;
    if (setAt && !kept(product)) await deps.config.clearDataSourceToken(id, product);
  }
  const doc: DataSource = {
    id,
    kind: 'cloud',
    name: f.name.slice(0, 100),
    // Stays as it was until the test below decides (a new source starts disabled).
    enabled: existing ? existing.enabled && p.enabled : false,
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
    ...(existing?.awaitingTest ? { awaitingTest: existing.awaitingTest } : {}),
    ...(existing?.failing ? { failing: existing.failing } : {}),
    ...(existing?.accessLost ? { accessLost: existing.accessLost } : {}),
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
  };
  await deps.config.saveDataSource(doc);
  if (f.jiraToken) await deps.config.setDataSourceToken(id, 'jira', f.jiraToken);
  if (f.confluenceToken) await deps.config.setDataSourceToken(id, 'confluence', f.confluenceToken);
  return (await deps.config.getDataSource(id)) ?? doc;
}

/** Whether a save changed where or as whom the source signs in. */
function changedConnection(existing: DataSource, p: SaveSourcePayload, f: CheckedFields): boolean {
  return (
    Boolean(f.jiraToken || f.confluenceToken) ||
    existing.jiraUrl !== f.jiraUrl ||
    existing.jiraEmail !== f.jiraEmail ||
    existing.confluenceUrl !== f.confluenceUrl ||
    (existing.confluenceEmail ?? '') !== (f.confluenceEmail ?? '') ||
    existing.tokenKind !== f.tokenKind ||
    existing.cloudId !== f.cloudId ||
    (p.enabled && existing.failing !== undefined)
  );
}

/**
 * Confluence probed at the Jira site's own /wiki, with the account the admin just entered
 * (the Jira token goes nowhere but the Jira site, exactly as for Confluence typed there).
 * Only a signed-in answer from Confluence's current-user operation keeps the address; any other
 * answer (404 on a site without Confluence, no Confluence access, no answer) leaves it out.
 */
function probeOutcome(test: ConnectionTest): { keep: boolean; note: string } {
  const c = test.confluence;
  if (c?.status === 'ok') return { keep: true, note: 'Confluence was found on this site and added: its activity is fetched too. Clear the Confluence URL to leave it out.' };
  if (!c || c.status === 'not-found') return { keep: false, note: 'This site has no Confluence: only Jira is fetched.' };
  return { keep: false, note: `Confluence on this site did not let the account in (${c.title}): only Jira is fetched. Enter the Confluence URL to add it once the account can use it.` };
}

function withoutConfluence(ds: DataSource): DataSource {
  const next = { ...ds };
  delete next.confluenceUrl;
  delete next.confluenceEmail;
  return next;
}

/** Each failed product check at the field to fix. */
function testProblems(test: ConnectionTest, ds: DataSource): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  for (const check of [test.jira, test.confluence]) {
    if (!check || check.status === 'ok' || check.status === 'not-connected') continue;
    out.push({ field: fieldOf(check, ds), message: `${check.title}: ${check.advice}` });
  }
  return out;
}

function fieldOf(check: ProductCheck, ds: DataSource): string {
  const jira = check.product === 'jira';
  switch (check.status) {
    case 'wrong-token-kind':
      return 'tokenKind';
    case 'forbidden':
      return jira ? 'jiraEmail' : ds.confluenceEmail ? 'confluenceEmail' : 'jiraEmail';
    case 'auth-failed':
    case 'missing-scope':
    case 'not-configured':
      // Confluence without a token of its own used the Jira one: its advice says so.
      return jira ? 'jiraToken' : 'confluenceToken';
    default:
      return jira ? 'jiraUrl' : 'confluenceUrl';
  }
}

/** The failing mark's code, as the sync would record the same answer. */
function failingCode(test: ConnectionTest): ErrorCode {
  const failed = [test.jira, test.confluence].find((c) => c && c.status !== 'ok' && c.status !== 'not-connected');
  switch (failed?.status) {
    case 'auth-failed':
    case 'wrong-token-kind':
    case 'missing-scope':
    case 'not-configured':
      return 'AUTH_FAILED';
    case 'forbidden':
      return 'REMOTE_FORBIDDEN';
    case 'not-found':
      return 'REMOTE_NOT_FOUND';
    case 'unreachable':
      return 'UNREACHABLE';
    case 'rate-limited':
      return 'RATE_LIMITED';
    default:
      return 'INTERNAL';
  }
}

/** Enabled as asked when the test passed; otherwise disabled and waiting, or kept running on an inconclusive answer. */
async function applyVerdict(
  deps: AdminDeps,
  ds: DataSource,
  existing: DataSource | undefined,
  wantEnabled: boolean,
  test: ConnectionTest,
  problems: { field: string; message: string }[],
): Promise<DataSource> {
  const passed = testPassed(test);
  const inconclusive = !passed && [test.jira, test.confluence].every((c) => !c || c.status === 'ok' || c.status === 'not-connected' || INCONCLUSIVE.has(c.status));
  const keepRunning = !passed && inconclusive && existing?.enabled === true && !existing.awaitingTest && wantEnabled;
  const updated = await deps.config.updateDataSource(ds.id, (d) => {
    const next: DataSource = { ...d, enabled: passed ? wantEnabled : keepRunning };
    if (passed || keepRunning || !wantEnabled) delete next.awaitingTest;
    else next.awaitingTest = d.awaitingTest ?? { since: deps.now().toISOString() };
    return next;
  });
  if (passed) await deps.config.clearFailing(ds.id);
  else if (!keepRunning && problems[0]) await deps.config.markFailing(ds.id, { code: failingCode(test), message: problems[0].message });
  return (await deps.config.getDataSource(ds.id)) ?? updated ?? ds;
}
