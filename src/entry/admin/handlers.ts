import { testConnection } from '../../admin/connection-test';
import { deleteSource, ensureHostSource, listSources, saveSource, setSourceEnabled } from '../../admin/data-source-service';
import type { AdminDeps } from '../../admin/deps';
import { computeDiagnostics } from '../../admin/diagnostics';
import { fetchNow } from '../../admin/fetch-now';
import { listDuplicates, mergeTeammates } from '../../admin/merge-teammates';
import { saveAccessSettings, saveSyncSettings } from '../../admin/settings-service';
import { deleteTeam, deleteTeammate, reresolveEmails, resolveEmailsOnNewSource, saveTeam, saveTeammate } from '../../admin/teammate-service';
import { addGroupMembers, addUsers, searchHostGroups, searchHostUsers } from '../../admin/user-directory';
import type { ContractHandler } from '../../platform/contract-resolver';
import type { AdminContract } from '../../shared/admin-contract';
import { ok, type Result } from '../../shared/result';
import type { AdminCaller } from './require-admin';

const map = async <T, U>(r: Promise<Result<T>>, f: (t: T) => U): Promise<Result<U>> => {
  const x = await r;
  return x.ok ? ok(f(x.data)) : x;
};

/** Thin: each key calls one use case. */
export const adminHandlers: { [K in keyof AdminContract]: ContractHandler<AdminContract[K], AdminCaller, AdminDeps> } = {
  'sources/list': async (_p, ctx, deps) => {
    const [sources, settings] = await Promise.all([listSources(deps, ctx.siteUrl), deps.config.getSettings()]);
    return ok({ sources, historyDays: settings.historyDays, hostConfluence: deps.hostConfluence?.() ?? 'unknown' });
  },
  'sources/save': async (p, ctx, deps) => {
    // The host must exist before a save, or its address could be added as a second source.
    await ensureHostSource(deps, ctx.siteUrl);
    const waited = p.id ? (await deps.config.getDataSource(p.id))?.awaitingTest !== undefined : true;
    const saved = await saveSource(deps, p);
    // Emails meant for every source are looked up on a new one as soon as it is enabled (a source
    // that waited for a passing test counts as new), or it would get no data.
    if (saved.ok && waited && saved.data.source.enabled) await resolveEmailsOnNewSource(deps, saved.data.source.id);
    return saved;
  },
  'sources/set-enabled': async (p, _c, deps) => {
    const waited = (await deps.config.getDataSource(p.id))?.awaitingTest !== undefined;
    const updated = await setSourceEnabled(deps, p.id, p.enabled);
    if (updated.ok && waited && updated.data.enabled) await resolveEmailsOnNewSource(deps, p.id);
    return map(Promise.resolve(updated), (source) => ({ source }));
  },
  'sources/delete': (p, _c, deps) => deleteSource(deps, p.id),
  'sources/test': async (p, _c, deps) => {
    const tested = await testConnection(deps, p.id);
    // A source enabled by its first passing test gets its emails looked up, as a new one does.
    if (tested.ok && tested.data.enabledNow) await resolveEmailsOnNewSource(deps, p.id);
    return tested;
  },
  'sources/fetch-now': (p, _c, deps) => map(fetchNow(deps, p), (runIds) => ({ runIds })),
  'teammates/list': async (_p, _c, deps) => ok(await deps.config.getTeammates()),
  'teammates/save': (p, _c, deps) => saveTeammate(deps, p),
  'teammates/delete': (p, _c, deps) => deleteTeammate(deps, p.id),
  'teammates/resolve': (p, _c, deps) => map(reresolveEmails(deps, p.id), (teammates) => ({ teammates })),
  'teammates/add-users': (p, _c, deps) => addUsers(deps, p.users, p.teamId),
  'teammates/add-group': (p, _c, deps) => addGroupMembers(deps, p.groupName, p.teamId),
  'teammates/duplicates': async (_p, _c, deps) => ok({ groups: await listDuplicates(deps) }),
  'teammates/merge': (p, _c, deps) => mergeTeammates(deps, p.keepId, p.mergeIds),
  'teams/save': (p, _c, deps) => map(saveTeam(deps, p), (team) => ({ team })),
  'teams/delete': (p, _c, deps) => deleteTeam(deps, p.id),
  'users/search': (p, _c, deps) => map(searchHostUsers(deps, p.query), (users) => ({ users })),
  'groups/search': (p, _c, deps) => searchHostGroups(deps, p.query),
  'settings/get': async (_p, _c, deps) => ok(await deps.config.getSettings()),
  'settings/save-sync': (p, _c, deps) => saveSyncSettings(deps, p),
  'settings/save-access': (p, _c, deps) => saveAccessSettings(deps, p),
  'sync/status': async (_p, _c, deps) => ok({ running: await deps.sync.running() }),
  'sync/cancel': async (p, _c, deps) => ok({ cancelled: await deps.sync.cancel(p.runId) }),
  'sync/history': async (p, _c, deps) => ok({ runs: await deps.sync.history(p.limit ?? 20) }),
  'sync/diagnostics': async (_p, _c, deps) => ok(await computeDiagnostics(deps)),
};
