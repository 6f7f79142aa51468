import { z } from 'zod';
import { avatarFor, type TeammateAvatar } from '../domain/avatar';
import type { DataSource, ExternalId, Team, Teammate, TeammatesDoc } from '../domain/config';
import type { adminContract } from '../shared/admin-contract';
import { fail, failFields, ok, type Result } from '../shared/result';
import { checkTypedAccounts } from './account-id-check';
import type { AdminDeps } from './deps';
import { resolveTeammateEmails } from './email-resolution';
import { accountIdProblem, emailProblem } from './field-checks';
import { teammateAccounts } from '../sync/teammate-map';
import { withAvatar } from './teammate-avatar';
import { ownerOfPerson } from './teammate-identity';

type SaveTeammate = z.infer<(typeof adminContract)['teammates/save']['payload']>;

const sameIdentity = (a: { dataSourceId: string; type: string; value: string }, b: typeof a) =>
  a.dataSourceId === b.dataSourceId && a.type === b.type && a.value.toLowerCase() === b.value.toLowerCase();

type Problem = { field: string; message: string; conflict?: boolean; row?: number };

/** Every identity row checked, each problem at its row (a form shows them all at once); `rows[k]` is where `ids[k]` was typed. */
function checkIdentities(p: SaveTeammate, doc: TeammatesDoc, sources: DataSource[]): { ids: ExternalId[]; rows: number[]; problems: Problem[] } {
  const ids: ExternalId[] = [];
  const rows: number[] = [];
  const problems: Problem[] = [];
  for (const [i, x] of p.externalIds.entries()) {
    const field = `externalIds.${i}.value`;
    const value = x.value.trim();
    const problem = x.type === 'email' ? emailProblem(value) : accountIdProblem(value);
    if (problem) {
      problems.push({ field, message: problem, row: i });
      continue;
    }
    if (x.dataSourceId !== '*' && !sources.some((s) => s.id === x.dataSourceId)) {
      problems.push({ field: `externalIds.${i}.dataSourceId`, message: 'This data source no longer exists: choose another one.', row: i });
      continue;
    }
    const normalised = { dataSourceId: x.dataSourceId, type: x.type, value: x.type === 'email' ? value.toLowerCase() : value };
    const owner = ownerOfPerson(doc, x.type === 'email' ? { emails: [value] } : { accounts: [value] }, p.id);
    if (ids.some((o) => sameIdentity(o, normalised))) problems.push({ field, message: 'This ID is listed twice.', row: i });
    else if (owner) problems.push({ field, message: `This person is already added as ${owner.name}: edit ${owner.name} instead.`, conflict: true, row: i });
    else {
      ids.push(normalised);
      rows.push(i);
    }
  }
  return { ids, rows, problems };
}

/**
 * Typed account IDs that are new or changed (another ID, or other sources) are looked up on the
 * sites they apply to; one unchanged since the last save is not asked about again.
 */
async function checkNewAccounts(deps: AdminDeps, checked: { ids: ExternalId[]; rows: number[] }, existing: Teammate | undefined, sources: DataSource[]) {
  const rows = checked.ids.flatMap((id, k) => (id.type === 'accountId' && !existing?.externalIds.some((o) => sameIdentity(o, id)) ? [{ row: checked.rows[k], id }] : []));
  const found = rows.length ? await checkTypedAccounts(deps, rows, sources) : { problems: [] };
  const problems: Problem[] = found.problems.map(({ row, message }) => ({ field: `externalIds.${row}.value`, message, row }));
  return { problems, avatar: found.avatar };
}

/**
 * The picture of a typed account found on a site, for a teammate with no picture yet or whose
 * picture is that account's; one from another of their accounts (an email's) is kept.
 */
function withTypedPicture(t: Teammate, fresh: TeammateAvatar | undefined): Teammate {
  return fresh && (!t.avatar || t.avatar.accountId === fresh.accountId) ? withAvatar(t, fresh) : t;
}

/** A refusal naming every problem; CONFLICT only when each one is a person already added. */
function refuse(problems: [Problem, ...Problem[]]): Result<never> {
  const rows = problems.map(({ field, message }) => ({ field, message }));
  return failFields(problems.every((x) => x.conflict) ? 'CONFLICT' : 'BAD_REQUEST', [rows[0], ...rows.slice(1)]);
}

/** An email that resolved to an account another teammate already has (by ID or by their email). */
function resolvedClash(doc: TeammatesDoc, t: Teammate): Result<never> | undefined {
  for (const [i, x] of t.externalIds.entries()) {
    if (x.type !== 'email') continue;
    for (const r of Object.values(x.resolutions ?? {})) {
      const owner = r.status === 'resolved' && r.accountId ? ownerOfPerson(doc, { accounts: [r.accountId] }, t.id) : undefined;
      if (owner) return fail('CONFLICT', `This email belongs to an account already added as ${owner.name}: edit ${owner.name} instead.`, `externalIds.${i}.value`);
    }
  }
  return undefined;
}

type PurgeProgressView = { activities: number; continuing: boolean };

/** Accounts a teammate had on some data source and no longer has there after the edit. */
function accountsTakenAway(before: Teammate, after: Teammate, sourceIds: string[]): string[] {
  const accounts = (t: Teammate, ds: string) => new Set(teammateAccounts({ teammates: [t], teams: [] }, ds).keys());
  const gone = new Set<string>();
  for (const ds of sourceIds) {
    const now = accounts(after, ds);
    for (const a of accounts(before, ds)) if (!now.has(a)) gone.add(a);
  }
  return [...gone].sort();
}

/**
 * Saves the teammate once a purge is recorded for every account it no longer has, so a call cut
 * short leaves jobs that finish by themselves (each pass keeps what an identity given back
 * contributed), then deletes what this call has time for.
 */
async function saveWithPurges(deps: AdminDeps, teammateId: string, label: string, accounts: string[], save: () => Promise<void>): Promise<PurgeProgressView | undefined> {
  if (!deps.purges || accounts.length === 0) {
    await save();
    return undefined;
  }
  const purges = deps.purges;
  const progress: { deleted: number; done: boolean }[] = [];
  const recordFrom = async (i: number): Promise<void> => {
    if (i === accounts.length) return save();
    progress.push(await purges.start({ teammateId, accountId: accounts[i] }, label, () => recordFrom(i + 1)));
  };
  await recordFrom(0);
  return { activities: progress.reduce((n, x) => n + x.deleted, 0), continuing: progress.some((x) => !x.done) };
}

export async function saveTeammate(deps: AdminDeps, p: SaveTeammate): Promise<Result<{ teammate: Teammate; purge?: PurgeProgressView }>> {
  const name = p.name.trim();
  const doc = await deps.config.getTeammates();
  const existing = p.id ? doc.teammates.find((t) => t.id === p.id) : undefined;
  if (p.id && !existing) return fail('NOT_FOUND', 'This teammate no longer exists: reload the page.');
  const sources = await deps.config.listDataSources();
  const checked = checkIdentities(p, doc, sources);
  const accounts = await checkNewAccounts(deps, checked, existing, sources);
  const problems: Problem[] = [
    ...(name ? [] : [{ field: 'name', message: 'Enter a name.' }]),
    ...(p.teamId && !doc.teams.some((t) => t.id === p.teamId) ? [{ field: 'teamId', message: 'This team no longer exists.' }] : []),
    ...[...checked.problems, ...accounts.problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0)),
  ];
  if (problems.length) return refuse([problems[0], ...problems.slice(1)]);
  // Keep earlier resolutions of unchanged emails; a new identity moves mappedAt so its history is backfilled.
  const merged = checked.ids.map((x) => existing?.externalIds.find((o) => sameIdentity(o, x)) ?? x);
  const gotNewIdentity = !existing || merged.some((x) => !existing.externalIds.some((o) => sameIdentity(o, x)));
  const base: Teammate = {
    id: existing?.id ?? deps.newId('tm'),
    name: name.slice(0, 200),
    ...(p.teamId ? { teamId: p.teamId } : {}),
    externalIds: merged,
    mappedAt: gotNewIdentity ? deps.now().toISOString() : existing.mappedAt,
    // Kept while its account stays among the identities (resolveTeammateEmails checks).
    ...(existing?.avatar ? { avatar: existing.avatar } : {}),
  };
  const [looked] = await resolveTeammateEmails(deps, [base], sources, false);
  const pictured = withTypedPicture(looked, accounts.avatar);
  const resolved = p.avatar ? withAvatar(pictured, avatarFor(p.avatar.accountId, p.avatar.url)) : pictured;
  // The lookups took time: another save or a removal may have landed meanwhile. The rules are
  // checked again on the latest list, and the teammate is written into it, so neither is lost.
  const latest = await deps.config.getTeammates();
  if (existing && !latest.teammates.some((t) => t.id === resolved.id)) return fail('NOT_FOUND', 'This teammate was removed meanwhile: reload the page.');
  const taken = checkIdentities(p, latest, sources).problems.filter((x) => x.conflict);
  if (taken.length) return refuse([taken[0], ...taken.slice(1)]);
  const clash = resolvedClash(latest, resolved);
  if (clash) return clash;
  const write = async (): Promise<void> => {
    const now = await deps.config.getTeammates();
    const teammates = now.teammates.some((t) => t.id === resolved.id) ? now.teammates.map((t) => (t.id === resolved.id ? resolved : t)) : [...now.teammates, resolved];
    await deps.config.saveTeammates({ ...now, teammates });
  };
  // What an identity the teammate no longer has contributed to them is deleted, as a removal is.
  const gone = existing ? accountsTakenAway(existing, resolved, sources.map((d) => d.id)) : [];
  const purge = await saveWithPurges(deps, resolved.id, `${resolved.name} (removed IDs)`, gone, write);
  return ok({ teammate: resolved, ...(purge ? { purge } : {}) });
}

/**
 * Removing a teammate also deletes the activities stored for them, so they stop counting under
 * "Everyone". The purge is recorded first, then the teammate leaves the list, then as much is
 * deleted as this call has time for; a long history finishes in the background by itself. A
 * later re-add makes a new teammate whose fresh mappedAt has the next sync backfill them.
 */
export async function deleteTeammate(deps: AdminDeps, id: string): Promise<Result<{ deleted: string; purge?: { activities: number; continuing: boolean } }>> {
  const doc = await deps.config.getTeammates();
  const teammate = doc.teammates.find((t) => t.id === id);
  if (!teammate) return fail('NOT_FOUND', 'This teammate no longer exists: reload the page.');
  const takeOff = async () => {
    const latest = await deps.config.getTeammates();
    await deps.config.saveTeammates({ ...latest, teammates: latest.teammates.filter((t) => t.id !== id) });
  };
  if (!deps.purges) {
    await takeOff();
    return ok({ deleted: id });
  }
  const progress = await deps.purges.start({ teammateId: id }, teammate.name, takeOff);
  return ok({ deleted: id, purge: { activities: progress.deleted, continuing: !progress.done } });
}

/** Looks every email up again (one teammate, or all): after a user changed privacy settings, say. */
export async function reresolveEmails(deps: AdminDeps, id: string | undefined): Promise<Result<Teammate[]>> {
  const doc = await deps.config.getTeammates();
  const targets = doc.teammates.filter((t) => !id || t.id === id);
  if (id && targets.length === 0) return fail('NOT_FOUND', 'This teammate no longer exists: reload the page.');
  const resolved = await resolveTeammateEmails(deps, targets, await deps.config.listDataSources(), true);
  const byId = new Map(resolved.map((t) => [t.id, t]));
  const saved = await deps.config.saveTeammates({ ...doc, teammates: doc.teammates.map((t) => byId.get(t.id) ?? t) });
  return ok(saved.teammates);
}

/** Upper bound on lookups done inline by a save; beyond it the admin resolves from the Teammates tab. */
const INLINE_LOOKUPS = 50;

/** Looks up the "all sources" emails on a source just added (only that source). */
export async function resolveEmailsOnNewSource(deps: AdminDeps, dataSourceId: string): Promise<void> {
  const ds = await deps.config.getDataSource(dataSourceId);
  const doc = await deps.config.getTeammates();
  const targets = doc.teammates.filter((t) => t.externalIds.some((x) => x.type === 'email' && x.dataSourceId === '*'));
  if (!ds || targets.length === 0 || targets.length > INLINE_LOOKUPS) return;
  const resolved = await resolveTeammateEmails(deps, targets, [ds], false);
  const byId = new Map(resolved.map((t) => [t.id, t]));
  // Other sources' resolutions are kept: only this source's entries are added.
  const merged = doc.teammates.map((t) => {
    const r = byId.get(t.id);
    if (!r) return t;
    return { ...t, externalIds: t.externalIds.map((x, i) => (x.type === 'email' && x.dataSourceId === '*' ? { ...x, resolutions: { ...x.resolutions, ...r.externalIds[i].resolutions } } : x)) };
  });
  await deps.config.saveTeammates({ ...doc, teammates: merged });
}

export async function saveTeam(deps: AdminDeps, p: { id?: string; name: string }): Promise<Result<Team>> {
  const name = p.name.trim();
  if (!name) return fail('BAD_REQUEST', 'Enter a team name.', 'name');
  const doc = await deps.config.getTeammates();
  if (p.id && !doc.teams.some((t) => t.id === p.id)) return fail('NOT_FOUND', 'This team no longer exists: reload the page.');
  if (doc.teams.some((t) => t.id !== p.id && t.name.toLowerCase() === name.toLowerCase())) {
    return fail('CONFLICT', `There is already a team called ${name}.`, 'name');
  }
  const team: Team = { id: p.id ?? deps.newId('team'), name: name.slice(0, 100) };
  const teams = p.id ? doc.teams.map((t) => (t.id === p.id ? team : t)) : [...doc.teams, team];
  await deps.config.saveTeammates({ ...doc, teams });
  return ok(team);
}

/** Deleting a team keeps its members, without a team. */
export async function deleteTeam(deps: AdminDeps, id: string): Promise<Result<{ deleted: string }>> {
  const doc = await deps.config.getTeammates();
  if (!doc.teams.some((t) => t.id === id)) return fail('NOT_FOUND', 'This team no longer exists: reload the page.');
  const teammates = doc.teammates.map((t) => {
    if (t.teamId !== id) return t;
    const next = { ...t };
    delete next.teamId;
    return next;
  });
  await deps.config.saveTeammates({ ...doc, teams: doc.teams.filter((t) => t.id !== id), teammates });
  return ok({ deleted: id });
}
