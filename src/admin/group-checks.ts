import type { Result } from '../shared/result';
import { fail, failFields, ok } from '../shared/result';
import { describeError } from '../sources/errors';
import { findGroups } from '../sources/jira/find-groups';
import type { AdminDeps } from './deps';

export const MAX_GROUPS = 20;

/**
 * A list of host-site group names as the admin typed it: trimmed, blanks and case-insensitive
 * repeats dropped, and every group confirmed to exist on the host site, since a typo would
 * otherwise lock people out without anyone noticing. Unknown groups are all named at once. Errors name `<field>.<index>` (the index
 * in the payload's list), so the message lands next to the row the admin typed.
 */
export async function checkHostGroups(deps: AdminDeps, raw: readonly string[], field: string): Promise<Result<string[]>> {
  if (raw.length > MAX_GROUPS) return fail('BAD_REQUEST', `List at most ${MAX_GROUPS} groups.`, field);
  const groups: string[] = [];
  const unknown: { field: string; message: string }[] = [];
  for (const [i, value] of raw.entries()) {
    const g = value.trim();
    if (!g || groups.some((x) => x.toLowerCase() === g.toLowerCase())) continue;
    groups.push(g);
    try {
      const found = await findGroups(deps.hostJira(), g, 50);
      if (!found.some((f) => f.name.toLowerCase() === g.toLowerCase())) {
        unknown.push({ field: `${field}.${i}`, message: `There is no group called "${g}" on this site.` });
      }
    } catch (e) {
      const d = describeError(e);
      return fail(d.code, `Could not check the group "${g}": ${d.message}`, `${field}.${i}`);
    }
  }
  // Every unknown group at once, each at its row.
  if (unknown.length) return failFields('BAD_REQUEST', [unknown[0], ...unknown.slice(1)]);
  return ok(groups);
}
