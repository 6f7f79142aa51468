import { HOST_DATA_SOURCE_ID, type DataSource } from '../domain/config';
import { fail, ok, type Result } from '../shared/result';
import { testConnection } from './connection-test';
import type { AdminDeps } from './deps';
import { ensureHostSource } from './ensure-host-source';

export { ensureHostSource } from './ensure-host-source';
export { saveSource } from './save-source';

export async function listSources(deps: AdminDeps, contextSiteUrl: string | undefined): Promise<DataSource[]> {
  await ensureHostSource(deps, contextSiteUrl);
  return deps.config.listDataSources();
}

/**
 * Enables or disables a source. A source waiting for a passing connection test (saved while it
 * failed one) is enabled only when the test run now passes: it is never shown as healthy untested.
 */
export async function setSourceEnabled(deps: AdminDeps, id: string, enabled: boolean): Promise<Result<DataSource>> {
  const ds = await deps.config.getDataSource(id);
  if (!ds) return fail('NOT_FOUND', 'This data source no longer exists: reload the page.');
  if (enabled && ds.awaitingTest) {
    const test = await testConnection(deps, id);
    if (!test.ok) return test;
    if (!test.data.enabledNow) {
      const failed = [test.data.jira, test.data.confluence].find((c) => c && c.status !== 'ok' && c.status !== 'not-connected');
      return fail('BAD_REQUEST', `${ds.name} has not passed its connection test${failed ? ` (${failed.title}: ${failed.advice})` : ''}. Fix it in the form and save, or test again.`, 'id');
    }
    return ok((await deps.config.getDataSource(id)) ?? ds);
  }
  const updated = await deps.config.updateDataSource(id, (d) => {
    const next = { ...d, enabled };
    delete next.awaitingTest;
    return next;
  });
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
