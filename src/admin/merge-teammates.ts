import type { ExternalId, Teammate } from '../domain/config';
import { fail, ok, type Result } from '../shared/result';
import type { AdminDeps } from './deps';
import { findDuplicates, type DuplicateGroup } from './teammate-identity';

const MAX_IDS = 50;

export async function listDuplicates(deps: AdminDeps): Promise<DuplicateGroup[]> {
  return findDuplicates(await deps.config.getTeammates());
}

const sameId = (a: ExternalId, b: ExternalId) =>
  a.dataSourceId === b.dataSourceId && a.type === b.type && a.value.toLowerCase() === b.value.toLowerCase();

/**
 * One person added twice becomes one teammate. The kept teammate gets every identity (its own
 * first) and a new `mappedAt`, so the next sync reads the history window again and stores what
 * those identities did under it; the others are removed as a delete removes them: a purge of
 * their activities is recorded first, then the list is saved, then as much is deleted as this
 * call has time for (the rest finishes in the background). Activity ids are deterministic, so
 * the refetch writes the same activities, attributed once.
 */
export async function mergeTeammates(deps: AdminDeps, keepId: string, mergeIds: string[]): Promise<Result<{ teammate: Teammate; purge?: { activities: number; continuing: boolean } }>> {
  if (mergeIds.includes(keepId)) return fail('BAD_REQUEST', 'Choose the teammate to keep apart from those merged into it.', 'mergeIds');
  const doc = await deps.config.getTeammates();
  const keep = doc.teammates.find((t) => t.id === keepId);
  const others = [...new Set(mergeIds)].map((id) => doc.teammates.find((t) => t.id === id));
  if (!keep || others.some((t) => !t)) return fail('NOT_FOUND', 'One of these teammates no longer exists: reload the page.');
  const merging = others as Teammate[];
  const externalIds: ExternalId[] = [];
  for (const x of [keep, ...merging].flatMap((t) => t.externalIds)) if (!externalIds.some((o) => sameId(o, x))) externalIds.push(x);
  if (externalIds.length > MAX_IDS) return fail('BAD_REQUEST', `Together they have more than ${MAX_IDS} IDs: remove some first.`, 'mergeIds');
  const teamId = keep.teamId ?? merging.find((t) => t.teamId)?.teamId;
  const avatar = keep.avatar ?? merging.find((t) => t.avatar)?.avatar;
  const merged: Teammate = { ...keep, ...(teamId ? { teamId } : {}), externalIds, mappedAt: deps.now().toISOString(), ...(avatar ? { avatar } : {}) };
  const gone = new Set(merging.map((t) => t.id));
  const save = async () => {
    const latest = await deps.config.getTeammates();
    await deps.config.saveTeammates({ ...latest, teammates: latest.teammates.filter((t) => !gone.has(t.id)).map((t) => (t.id === keepId ? merged : t)) });
  };
  if (!deps.purges) {
    await save();
    return ok({ teammate: merged });
  }
  const purges = deps.purges;
  const progress: { deleted: number; done: boolean }[] = [];
  // Every purge is recorded before the list changes, so a call cut short leaves jobs that finish.
  const recordFrom = async (i: number): Promise<void> => {
    if (i === merging.length) return save();
    const t = merging[i];
    progress.push(await purges.start({ teammateId: t.id }, `${t.name} (merged into ${keep.name})`, () => recordFrom(i + 1)));
  };
  await recordFrom(0);
  return ok({ teammate: merged, purge: { activities: progress.reduce((n, x) => n + x.deleted, 0), continuing: progress.some((x) => !x.done) } });
}
