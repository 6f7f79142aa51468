import { accountIdFor, type DataSource, type Settings, type TeammatesDoc } from '../domain/config';
import type { Diagnostic, SyncRunView } from '../shared/admin-contract';
import type { AdminDeps } from './deps';

export interface DiagnosticsInput {
  sources: DataSource[];
  teammates: TeammatesDoc;
  settings: Settings;
  /** Recent runs, newest first. */
  runs: SyncRunView[];
}

const FINISHED = new Set(['succeeded', 'partial', 'rate-limited', 'failed', 'cancelled']);
const ACCESS_CODES = new Set(['REMOTE_FORBIDDEN', 'AUTH_FAILED', 'REMOTE_NOT_FOUND']);

const list = (names: string[]) => (names.length <= 5 ? names.join(', ') : `${names.slice(0, 5).join(', ')} and ${names.length - 5} more`);

function identityFindings(input: DiagnosticsInput, ds: DataSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  // People whose email did not resolve get their own finding below, with the reason.
  const appliesHere = (x: { dataSourceId: string }) => x.dataSourceId === '*' || x.dataSourceId === ds.id;
  const unresolvedEmail = (t: TeammatesDoc['teammates'][number]) => t.externalIds.some((x) => x.type === 'email' && appliesHere(x) && x.resolutions?.[ds.id]?.status !== 'resolved');
  const without = input.teammates.teammates.filter((t) => !accountIdFor(t, ds.id));
  const unmapped = without.filter((t) => !unresolvedEmail(t)).map((t) => t.name);
  if (without.length === input.teammates.teammates.length) {
    out.push({ id: `unmapped:${ds.id}`, severity: 'error', dataSourceId: ds.id, fixIn: 'teammates', title: `Nobody is mapped on ${ds.name}`, detail: 'No teammate has an account ID (or a resolved email) for this source, so nothing from it can be shown.' });
  } else if (unmapped.length > 0) {
    out.push({ id: `unmapped:${ds.id}`, severity: 'warning', dataSourceId: ds.id, fixIn: 'teammates', title: `${unmapped.length} teammate(s) have no account on ${ds.name}`, detail: `Their activity there is not counted: ${list(unmapped)}. Add an account ID or an email that applies to this source.` });
  }
  const byStatus = new Map<string, string[]>();
  for (const t of input.teammates.teammates) {
    for (const x of t.externalIds) {
      if (x.type !== 'email' || !appliesHere(x)) continue;
      const status = x.resolutions?.[ds.id]?.status ?? 'unchecked';
      if (status === 'resolved') continue;
      byStatus.set(status, [...(byStatus.get(status) ?? []), `${t.name} (${x.value})`]);
    }
  }
  const texts: Record<string, [string, string]> = {
    hidden: ['email hidden by the person\'s profile settings', `Map them by account ID: use "Find … in the people search" on the Teammates tab, or enter the account ID (their profile URL ends with it).${ds.kind === 'host' ? ' The app cannot read or search hidden emails on this site, so an email nobody uses here shows up the same way.' : ''}`],
    'not-found': ['email matches no user', 'Check the spelling, or that the person has an account on this site.'],
    error: ['email could not be checked', 'The site did not answer the user search: test the connection, then use "Resolve emails again".'],
    unchecked: ['email was not looked up there yet', 'Use "Resolve emails again" on the Teammates tab.'],
  };
  for (const [status, names] of byStatus) {
    const [what, fix] = texts[status] ?? texts.error;
    out.push({ id: `email-${status}:${ds.id}`, severity: 'warning', dataSourceId: ds.id, fixIn: 'teammates', title: `${names.length} email(s) did not resolve on ${ds.name}: ${what}`, detail: `${list(names)}. ${fix}` });
  }
  return out;
}

function runFindings(input: DiagnosticsInput, ds: DataSource): Diagnostic[] {
  const runs = input.runs.filter((r) => r.dataSourceId === ds.id);
  const last = runs.find((r) => FINISHED.has(r.status));
  if (!last) {
    if (runs.length > 0) return [];
    return [{ id: `never:${ds.id}`, severity: 'warning', dataSourceId: ds.id, fixIn: 'sources', title: `${ds.name} has not been fetched yet`, detail: 'Use "Fetch now" on the source, or wait for the next scheduled sync.' }];
  }
  const out: Diagnostic[] = [];
  const access = last.errors.filter((e) => ACCESS_CODES.has(e.code));
  if (access.length > 0) {
    out.push({ id: `access:${ds.id}`, severity: 'error', dataSourceId: ds.id, fixIn: 'sources', title: `Access lost on ${ds.name}`, detail: `${access.map((e) => e.message).slice(0, 3).join(' · ')}. Test the connection, and check the account can still browse the projects and spaces.` });
  } else if (last.status === 'failed') {
    out.push({ id: `failed:${ds.id}`, severity: 'error', dataSourceId: ds.id, fixIn: 'sync', title: `The last fetch of ${ds.name} failed`, detail: last.errors[0]?.message ?? 'See the run history for details.' });
  }
  const activities = runs.filter((r) => FINISHED.has(r.status)).reduce((n, r) => n + r.progress.activities, 0);
  if (activities === 0 && last.status !== 'failed' && access.length === 0) {
    out.push({ id: `empty:${ds.id}`, severity: 'warning', dataSourceId: ds.id, fixIn: 'sync', title: `No activity found on ${ds.name} in the last ${input.settings.historyDays} days`, detail: 'The fetch worked but none of the mapped teammates did anything there in that window. Check the mapped accounts are the people who work on this site, widen the date range of "Fetch now", or check the account can browse their projects and spaces.' });
  }
  return out;
}

/** "Why is there no data?", computed from the configuration and the recent runs. */
export function diagnose(input: DiagnosticsInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (input.teammates.teammates.length === 0) {
    out.push({ id: 'no-teammates', severity: 'error', fixIn: 'teammates', title: 'No teammates are mapped', detail: 'Activity is only kept for teammates. Add people on the Teammates tab (pick them, add a Jira group, or enter emails).' });
  }
  const enabled = input.sources.filter((s) => s.enabled);
  if (enabled.length === 0) {
    out.push({ id: 'no-sources', severity: 'error', fixIn: 'sources', title: 'Every data source is disabled', detail: 'Enable at least one data source.' });
  }
  for (const ds of input.sources) {
    if (!ds.enabled) {
      out.push({ id: `disabled:${ds.id}`, severity: 'info', dataSourceId: ds.id, fixIn: 'sources', title: `${ds.name} is disabled`, detail: 'It is not fetched; its earlier activity stays on the dashboard.' });
      continue;
    }
    if (ds.failing) {
      out.push({ id: `failing:${ds.id}`, severity: 'error', dataSourceId: ds.id, fixIn: 'sources', title: `${ds.name} is failing since ${ds.failing.since.slice(0, 10)}`, detail: `${ds.failing.message}. Fix the connection, then "Test connection".` });
    }
    if (input.teammates.teammates.length > 0) out.push(...identityFindings(input, ds));
    out.push(...runFindings(input, ds));
  }
  return out;
}

export async function computeDiagnostics(deps: AdminDeps): Promise<{ checkedAt: string; findings: Diagnostic[] }> {
  const [sources, teammates, settings, runs] = await Promise.all([
    deps.config.listDataSources(),
    deps.config.getTeammates(),
    deps.config.getSettings(),
    deps.sync.history(50),
  ]);
  return { checkedAt: deps.now().toISOString(), findings: diagnose({ sources, teammates, settings, runs }) };
}
