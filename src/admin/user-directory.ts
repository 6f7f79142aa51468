import { avatarFor, pictureOf } from '../domain/avatar';
import type { Teammate } from '../domain/config';
import type { UserSummary } from '../shared/admin-contract';
import { fail, ok, type Result } from '../shared/result';
import { searchGroups, type FoundGroups } from '../sources/jira/find-groups';

const GROUP_PICKER_SIZE = 20;
import { getGroupMembers } from '../sources/jira/get-group-members';
import { searchUsers } from '../sources/jira/search-users';
import { describeError } from '../sources/errors';
import type { JiraUser } from '../sources/jira/get-myself';
import type { AdminDeps } from './deps';
import { ownerOfPerson } from './teammate-identity';

/** The people picker: host-site users matching a name (people only, active only). */
export async function searchHostUsers(deps: AdminDeps, query: string): Promise<Result<UserSummary[]>> {
  const q = query.trim();
  if (q.length < 2) return ok([]);
  try {
    const users = await searchUsers(deps.hostJira(), q, { maxResults: 20 });
    const doc = await deps.config.getTeammates();
    return ok(
      users
        .filter((u) => u.accountType !== 'app' && u.active !== false)
        .map((u) => {
          const owner = ownerOfPerson(doc, { accounts: [u.accountId], emails: u.emailAddress ? [u.emailAddress] : [] });
          return { ...pickedFrom(u), ...(owner ? { addedAs: { id: owner.id, name: owner.name } } : {}) };
        }),
    );
  } catch (e) {
    const d = describeError(e);
    return fail(d.code, `The user search failed: ${d.message}`, 'query');
  }
}

/**
 * The group picker: host-site groups whose name contains the query in any case (an empty query
 * lists the first groups), with how many match in all so the picker can say to type more.
 */
export async function searchHostGroups(deps: AdminDeps, query: string): Promise<Result<FoundGroups>> {
  try {
    return ok(await searchGroups(deps.hostJira(), query.trim(), GROUP_PICKER_SIZE));
  } catch (e) {
    const d = describeError(e);
    return fail(d.code, `The group search failed: ${d.message}`, 'query');
  }
}

interface BulkResult {
  added: Teammate[];
  skipped: { accountId: string; displayName: string; reason: string }[];
  note?: string;
}

/** A person picked on the host site: `avatarUrl` is kept only on an Atlassian avatar host. */
export interface PickedUser {
  accountId: string;
  displayName: string;
  email?: string;
  avatarUrl?: string;
}

/** A host-site user as the people search shows them and a pick carries them. */
function pickedFrom(u: JiraUser): PickedUser {
  const avatarUrl = pictureOf(u.avatarUrls);
  return { accountId: u.accountId, displayName: u.displayName ?? u.accountId, ...(u.emailAddress ? { email: u.emailAddress } : {}), ...(avatarUrl ? { avatarUrl } : {}) };
}

/** Adds people picked on the host site as teammates, mapped by account ID on every source. */
export async function addUsers(deps: AdminDeps, users: PickedUser[], teamId: string | undefined): Promise<Result<BulkResult>> {
  const doc = await deps.config.getTeammates();
  if (teamId && !doc.teams.some((t) => t.id === teamId)) return fail('BAD_REQUEST', 'This team no longer exists.', 'teamId');
  const at = deps.now().toISOString();
  const result: BulkResult = { added: [], skipped: [] };
  const teammates = [...doc.teammates];
  for (const u of users) {
    const owner = ownerOfPerson({ ...doc, teammates }, { accounts: [u.accountId], emails: u.email ? [u.email] : [] });
    if (owner) {
      result.skipped.push({ accountId: u.accountId, displayName: u.displayName, reason: `already added as ${owner.name}` });
      continue;
    }
    const avatar = avatarFor(u.accountId, u.avatarUrl);
    const t: Teammate = {
      id: deps.newId('tm'),
      name: (u.displayName.trim() || u.accountId).slice(0, 200),
      ...(teamId ? { teamId } : {}),
      externalIds: [{ dataSourceId: '*', type: 'accountId', value: u.accountId }],
      mappedAt: at,
      ...(avatar ? { avatar } : {}),
    };
    teammates.push(t);
    result.added.push(t);
  }
  await deps.config.saveTeammates({ ...doc, teammates });
  return ok(result);
}

export async function addGroupMembers(deps: AdminDeps, groupName: string, teamId: string | undefined): Promise<Result<BulkResult>> {
  const name = groupName.trim();
  if (!name) return fail('BAD_REQUEST', 'Choose a Jira group.', 'groupName');
  try {
    const { members, truncated } = await getGroupMembers(deps.hostJira(), name);
    const people = members.filter((m) => m.accountType !== 'app' && m.active !== false);
    if (people.length === 0) return fail('BAD_REQUEST', `The group ${name} has no active members.`, 'groupName');
    const added = await addUsers(deps, people.map(pickedFrom), teamId);
    if (added.ok && truncated) return { ok: true, data: { ...added.data, note: `${name} has more than ${members.length} members: only the first ${members.length} were considered.` } };
    return added;
  } catch (e) {
    const d = describeError(e);
    if (d.code === 'REMOTE_NOT_FOUND') return fail('BAD_REQUEST', `There is no group called ${name} on this site.`, 'groupName');
    return fail(d.code, `Reading the group failed: ${d.message}`, 'groupName');
  }
}
