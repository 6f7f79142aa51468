import { parseSiteFixture, type SiteFixture } from '../../local/site/fixture-schema';
import { generateSite } from '../../local/fixtures/generator';

const NOW = '2026-11-25T12:00:00.000Z';
const small = { seed: 5, issues: 40, pages: 12, now: NOW };

describe('generateSite: determinism and validity', () => {
  it('gives byte-identical JSON for the same options and a different site for another seed', () => {
    const a = JSON.stringify(generateSite(small));
    expect(JSON.stringify(generateSite(small))).toBe(a);
    const b = JSON.stringify(generateSite({ ...small, seed: 6 }));
    expect(b).not.toBe(a);
  });

  it.each([
    ['defaults', {}],
    ['small', small],
    ['no Confluence', { ...small, confluence: false }],
    ['the minimum', { seed: 9, users: 4, projects: 1, issues: 1, spaces: 1, pages: 1, days: 1, now: NOW }],
    ['no pages', { ...small, pages: 0 }],
  ])('is a valid site fixture (%s)', (_label, opts) => {
    const f = generateSite({ now: NOW, ...opts });
    expect(parseSiteFixture(JSON.parse(JSON.stringify(f)))).toEqual(f);
  });

  it('keeps Confluence empty on a site without it', () => {
    const f = generateSite({ ...small, confluence: false });
    expect(f.confluence).toBe(false);
    expect(f.spaces).toEqual([]);
    expect(f.contents).toEqual([]);
  });

  it('defaults now to the current hour', () => {
    const before = Math.floor(Date.now() / 3_600_000) * 3_600_000;
    const f = generateSite({ seed: 1, issues: 5, pages: 2 });
    const latest = Math.max(...f.issues.map((i) => Date.parse(i.updated)));
    expect(latest).toBeLessThanOrEqual(before + 3_600_000);
    expect(latest).toBeGreaterThan(before - 90 * 86_400_000);
  });

  it.each([
    [{ users: 3 }, /users must be at least 4/],
    [{ issues: -1 }, /issues must be a non-negative integer/],
    [{ issues: 2.5 }, /issues must be a non-negative integer/],
    [{ worklogsPerIssue: Number.NaN }, /worklogsPerIssue must be a non-negative number/],
    [{ now: 'yesterday' }, /now is not an ISO instant/],
    [{ name: 'Acme Corp' }, /lower-case host label/],
  ])('rejects bad options with a specific message (%o)', (opts, message) => {
    expect(() => generateSite({ ...small, ...opts })).toThrow(message);
  });
});

describe('generateSite: internal consistency', () => {
  const f: SiteFixture = generateSite({ seed: 21, issues: 150, pages: 40, now: NOW, days: 60 });
  const nowMs = Date.parse(NOW);
  const startMs = nowMs - 60 * 86_400_000;

  it('keeps every instant inside the history', () => {
    const instants: string[] = [];
    for (const i of f.issues) {
      instants.push(i.created, i.updated, ...(i.deletedAt ? [i.deletedAt] : []));
      for (const h of i.changelog) instants.push(h.created);
      for (const c of i.comments) instants.push(c.created, c.updated);
      for (const w of i.worklogs) instants.push(w.started, w.created, w.updated);
    }
    for (const c of f.contents) instants.push(c.createdAt, ...c.versions.map((v) => v.createdAt), ...c.comments.flatMap((x) => x.versions.map((v) => v.createdAt)));
    const outside = instants.filter((s) => Date.parse(s) < startMs || Date.parse(s) > nowMs);
    expect(outside).toEqual([]);
  });

  it("ends each issue in the state its history leads to, with updated at its latest change", () => {
    const done = new Set(f.statuses.filter((s) => s.categoryKey === 'done').map((s) => s.id));
    for (const i of f.issues) {
      const statusItems = i.changelog.flatMap((h) => h.items.filter((x) => x.fieldId === 'status'));
      if (statusItems.length > 0) expect(i.statusId).toBe(statusItems[statusItems.length - 1].to);
      const resItems = i.changelog.flatMap((h) => h.items.filter((x) => x.fieldId === 'resolution').map((x) => ({ x, h })));
      const last = resItems[resItems.length - 1];
      expect(i.resolution).toBe(last ? last.x.toString : null);
      if (i.resolution) {
        expect(done.has(i.statusId)).toBe(true);
        expect(Date.parse(i.resolutiondate!)).toBe(Date.parse(last.h.created));
      }
      const times = [i.created, ...i.changelog.map((h) => h.created), ...i.comments.map((c) => c.updated), ...i.worklogs.map((w) => w.updated)].map(Date.parse);
      expect(Date.parse(i.updated)).toBe(Math.max(...times, ...i.comments.concat().map((c) => (c.deletedAt ? Date.parse(c.deletedAt) : 0)), ...i.worklogs.map((w) => (w.deletedAt ? Date.parse(w.deletedAt) : 0))));
      const histories = i.changelog.map((h) => Date.parse(h.created));
      expect(histories).toEqual([...histories].sort((a, b) => a - b));
      expect(histories.every((t) => t >= Date.parse(i.created))).toBe(true);
    }
  });

  it('numbers issue keys per project in creation order', () => {
    for (const p of f.projects) {
      const issues = f.issues.filter((i) => i.projectId === p.id);
      expect(issues.map((i) => i.key)).toEqual(issues.map((_, n) => `${p.key}-${n + 1}`));
      const created = issues.map((i) => Date.parse(i.created));
      expect(created).toEqual([...created].sort((a, b) => a - b));
    }
  });

  it('lets only people who may browse a restricted project act in it', () => {
    const users = new Map(f.users.map((u) => [u.accountId, u]));
    for (const p of f.projects.filter((x) => x.browseGroups)) {
      const actors = f.issues
        .filter((i) => i.projectId === p.id)
        .flatMap((i) => [i.creatorId, ...i.changelog.map((h) => h.authorId), ...i.comments.map((c) => c.authorId), ...i.worklogs.map((w) => w.authorId)])
        .filter((id): id is string => id !== null);
      expect(actors.length).toBeGreaterThan(0);
      for (const id of actors) expect(users.get(id)!.groups.some((g) => p.browseGroups!.includes(g))).toBe(true);
    }
  });

  it('has the inactive user act only before they left', () => {
    const gone = f.users.find((u) => !u.active)!;
    const theirs = f.issues.flatMap((i) => [
      ...i.changelog.filter((h) => h.authorId === gone.accountId).map((h) => h.created),
      ...i.comments.filter((c) => c.authorId === gone.accountId).map((c) => c.created),
    ]);
    expect(theirs.length).toBeGreaterThan(0);
    expect(Math.max(...theirs.map(Date.parse))).toBeLessThan(startMs + 0.6 * (nowMs - startMs) + 1);
  });
});
