import type { SiteFixture } from './fixture-schema';

/**
 * Cross-reference checks the zod shape cannot express: every user, group, status, project and
 * space a fixture names must exist, ids must be unique, content versions numbered 1..n.
 */
export function crossReferenceProblems(f: SiteFixture): string[] {
  const problems: string[] = [];
  const users = new Set(f.users.map((u) => u.accountId));
  const groups = new Set(f.groups.map((g) => g.name));
  const statuses = new Set(f.statuses.map((s) => s.id));
  const projects = new Set(f.projects.map((p) => p.id));
  const spaces = new Set(f.spaces.map((s) => s.id));
  const dup = (what: string, ids: string[]): void => {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) problems.push(`duplicate ${what} ${id}`);
      seen.add(id);
    }
  };
  const user = (where: string, id: string | null): void => {
    if (id !== null && !users.has(id)) problems.push(`${where} names unknown user ${id}`);
  };
  dup('user', f.users.map((u) => u.accountId));
  dup('issue id', f.issues.map((i) => i.id));
  dup('issue key', f.issues.map((i) => i.key));
  dup('content id', f.contents.map((c) => c.id));
  dup('comment id', f.issues.flatMap((i) => i.comments.map((c) => c.id)));
  dup('worklog id', f.issues.flatMap((i) => i.worklogs.map((w) => w.id)));
  for (const u of f.users) for (const g of u.groups) if (!groups.has(g)) problems.push(`user ${u.accountId} is in unknown group ${g}`);
  for (const p of f.projects) for (const g of p.browseGroups ?? []) if (!groups.has(g)) problems.push(`project ${p.key} names unknown group ${g}`);
  for (const s of f.spaces) for (const g of s.viewGroups ?? []) if (!groups.has(g)) problems.push(`space ${s.key} names unknown group ${g}`);
  const levels = new Set((f.securityLevels ?? []).map((l) => l.id));
  for (const l of f.securityLevels ?? []) {
    for (const g of l.groups) if (!groups.has(g)) problems.push(`security level ${l.id} names unknown group ${g}`);
    for (const a of l.accountIds) user(`security level ${l.id}`, a);
  }
  for (const i of f.issues) {
    if (i.securityLevelId !== undefined && !levels.has(i.securityLevelId)) problems.push(`issue ${i.key} has unknown security level ${i.securityLevelId}`);
    if (!projects.has(i.projectId)) problems.push(`issue ${i.key} is in unknown project ${i.projectId}`);
    if (!statuses.has(i.statusId)) problems.push(`issue ${i.key} has unknown status ${i.statusId}`);
    user(`issue ${i.key} creator`, i.creatorId);
    user(`issue ${i.key} reporter`, i.reporterId);
    user(`issue ${i.key} assignee`, i.assigneeId);
    for (const h of i.changelog) user(`history ${h.id}`, h.authorId);
    for (const c of i.comments) { user(`comment ${c.id}`, c.authorId); user(`comment ${c.id}`, c.updateAuthorId); }
    for (const w of i.worklogs) { user(`worklog ${w.id}`, w.authorId); user(`worklog ${w.id}`, w.updateAuthorId); }
  }
  for (const c of f.contents) {
    if (!spaces.has(c.spaceId)) problems.push(`content ${c.id} is in unknown space ${c.spaceId}`);
    // Only pages can be archived (the v2 blog post statuses have no `archived`).
    if (c.type === 'blogpost' && c.status === 'archived') problems.push(`blog post ${c.id} cannot be archived`);
    user(`content ${c.id}`, c.authorId);
    for (const g of c.readRestrictions?.groups ?? []) if (!groups.has(g)) problems.push(`content ${c.id} read restriction names unknown group ${g}`);
    for (const a of c.readRestrictions?.accountIds ?? []) user(`content ${c.id} read restriction`, a);
    c.versions.forEach((v, n) => {
      if (v.number !== n + 1) problems.push(`content ${c.id} versions must be numbered 1..n in order`);
      user(`content ${c.id} version ${v.number}`, v.authorId);
    });
    for (const cm of c.comments) for (const v of cm.versions) user(`content comment ${cm.id}`, v.authorId);
  }
  return problems;
}
