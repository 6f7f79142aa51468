import type { SiteFixture } from '../../local/site/fixture-schema';
import { generateSite } from '../../local/fixtures/generator';
import { DEMO_HOST_OPTIONS } from '../../local/fixtures/demo';

/** Local calendar day as written vs the UTC day of the same instant. */
function dayShift(started: string): number {
  const local = Date.parse(`${started.slice(0, 10)}T00:00:00Z`);
  const utc = Date.parse(`${new Date(Date.parse(started)).toISOString().slice(0, 10)}T00:00:00Z`);
  return Math.round((utc - local) / 86_400_000);
}

describe.each([
  ['the demo options', DEMO_HOST_OPTIONS],
  ['another seed', { ...DEMO_HOST_OPTIONS, seed: 1234, users: 9, projects: 3 }],
])('generated sites carry the quirks of real ones (%s)', (_label, options) => {
  const f: SiteFixture = generateSite(options);
  const issues = f.issues;
  const histories = issues.flatMap((i) => i.changelog);
  const comments = issues.flatMap((i) => i.comments);
  const worklogs = issues.flatMap((i) => i.worklogs);
  const pageComments = f.contents.flatMap((c) => c.comments);

  it('has automation changes without an author, and one issue with more than 100 histories', () => {
    expect(histories.some((h) => h.authorId === null)).toBe(true);
    expect(Math.max(...issues.map((i) => i.changelog.length))).toBeGreaterThan(100);
  });

  it('has over 1000 worklogs, one issue with many, in zones on both sides of UTC', () => {
    expect(worklogs.length).toBeGreaterThan(1000);
    expect(Math.max(...issues.map((i) => i.worklogs.length))).toBeGreaterThanOrEqual(100);
    const offsets = new Set(worklogs.map((w) => w.started.slice(23)));
    expect([...offsets].some((o) => o.startsWith('-'))).toBe(true);
    expect([...offsets].some((o) => o.startsWith('+') && o !== '+0000')).toBe(true);
    expect(offsets.has('+0530')).toBe(true);
    // evenings west of UTC land on the next UTC day, early mornings east of it on the previous one
    expect(worklogs.some((w) => dayShift(w.started) === 1 && w.started.slice(23).startsWith('-'))).toBe(true);
    expect(worklogs.some((w) => dayShift(w.started) === -1 && w.started.slice(23).startsWith('+'))).toBe(true);
  });

  it('has statuses in all three categories, resolutions set and cleared again (reopen)', () => {
    expect(new Set(f.statuses.map((s) => s.categoryKey))).toEqual(new Set(['new', 'indeterminate', 'done']));
    const res = histories.flatMap((h) => h.items.filter((x) => x.fieldId === 'resolution'));
    expect(res.some((x) => x.from === null && x.to !== null)).toBe(true);
    expect(res.some((x) => x.from !== null && x.to === null)).toBe(true);
    expect(issues.some((i) => i.resolution !== null && i.resolutiondate !== null)).toBe(true);
  });

  it('has comments edited by someone else, ADF bodies and deletions of every kind', () => {
    expect(comments.some((c) => c.updateAuthorId !== c.authorId && Date.parse(c.updated) > Date.parse(c.created))).toBe(true);
    for (const c of comments) expect(c.body).toMatchObject({ type: 'doc', version: 1 });
    expect(issues.some((i) => i.deletedAt)).toBe(true);
    expect(comments.some((c) => c.deletedAt)).toBe(true);
    expect(worklogs.some((w) => w.deletedAt)).toBe(true);
    expect(f.contents.some((c) => c.status === 'trashed' || c.status === 'deleted')).toBe(true);
    expect(pageComments.some((c) => c.status === 'deleted')).toBe(true);
  });

  it('has restricted projects and spaces, hidden emails, an inactive user and an app account', () => {
    expect(f.projects.some((p) => p.browseGroups && p.browseGroups.length > 0)).toBe(true);
    expect(f.projects.some((p) => !p.browseGroups)).toBe(true);
    expect(f.spaces.some((s) => s.viewGroups && s.viewGroups.length > 0)).toBe(true);
    const humans = f.users.filter((u) => u.accountType !== 'app');
    expect(humans.filter((u) => !u.emailVisible).length).toBeGreaterThanOrEqual(2);
    expect(humans.filter((u) => !u.active)).toHaveLength(1);
    expect(f.users.some((u) => u.accountType === 'app')).toBe(true);
  });

  it('has blog posts, footer and inline comments with replies, and pages edited by several people', () => {
    expect(f.contents.some((c) => c.type === 'blogpost' && c.status === 'current')).toBe(true);
    expect(pageComments.some((c) => c.location === 'footer')).toBe(true);
    for (const c of f.contents) {
      for (const cm of c.comments.filter((x) => x.parentCommentId)) {
        const parent = c.comments.find((x) => x.id === cm.parentCommentId);
        expect(parent).toBeDefined();
        expect(parent!.location).toBe(cm.location);
        expect(Date.parse(cm.versions[0].createdAt)).toBeGreaterThan(Date.parse(parent!.versions[0].createdAt));
      }
    }
    expect(pageComments.some((c) => c.location === 'inline' && c.parentCommentId)).toBe(true);
    expect(pageComments.some((c) => c.location === 'footer' && c.parentCommentId)).toBe(true);
    expect(f.contents.some((c) => new Set(c.versions.map((v) => v.authorId)).size >= 2)).toBe(true);
    for (const c of f.contents) expect(c.versions[0]).toMatchObject({ number: 1, authorId: c.authorId, createdAt: c.createdAt });
  });

  it('has the roles and groups the local host needs, and teammates in two or three teams', () => {
    const byId = new Map(f.users.map((u) => [u.accountId, u]));
    expect(f.groups.map((g) => g.name)).toEqual(expect.arrayContaining(['jira-administrators', 'team-leads']));
    expect(f.groups.filter((g) => g.name.startsWith('team-') && g.name !== 'team-leads').length).toBeGreaterThanOrEqual(2);
    const roles = f.roles!;
    expect(byId.get(roles.admin)!.groups).toContain('jira-administrators');
    expect(byId.get(roles.teamLead)!.groups).toContain('team-leads');
    expect(byId.get(roles.noAccess)!.groups).not.toEqual(expect.arrayContaining(['jira-administrators']));
    expect(byId.get(roles.noAccess)!.groups).not.toContain('team-leads');
    const mates = f.teammates!;
    expect(mates.length).toBeGreaterThan(f.users.length / 2);
    expect(new Set(mates.map((t) => t.team)).size).toBeGreaterThanOrEqual(2);
    expect(new Set(mates.map((t) => t.team)).size).toBeLessThanOrEqual(3);
    const hidden = f.users.filter((u) => !u.emailVisible && u.accountType !== 'app');
    expect(mates.some((t) => t.email && hidden.some((u) => u.email === t.email))).toBe(true);
    expect(mates.some((t) => t.accountId && hidden.some((u) => u.accountId === t.accountId))).toBe(true);
  });
});
