import fc from 'fast-check';
import { generateSite } from '../../local/fixtures/generator';
import { activitySchema } from '../../src/domain/activity';
import { expectedActivities } from './expected-activities';
import { teammateMappingFromFixture } from './teammate-mapping';

const NOW = Date.parse('2026-11-25T12:00:00.000Z');
const DAY = 86_400_000;
const site = generateSite({ seed: 31, issues: 120, pages: 30, now: new Date(NOW).toISOString(), days: 40 });
const mapping = teammateMappingFromFixture(site);
const base = { dataSourceId: 'host', siteUrl: 'https://acme.atlassian.net', mapping };
const all = expectedActivities(site, { ...base, since: NOW - 41 * DAY, until: NOW + 1 });

describe('oracle on a generated site', () => {
  it('yields schema-valid activities with unique ids, mapped actors and links on the site', () => {
    expect(all.length).toBeGreaterThan(500);
    expect(new Set(all.map((a) => a.id)).size).toBe(all.length);
    const teammateIds = new Set(mapping.values());
    for (const a of all) {
      expect(activitySchema.parse(a)).toEqual(a);
      expect(mapping.get(a.actorAccountId)).toBe(a.teammateId);
      expect(teammateIds.has(a.teammateId)).toBe(true);
      expect(a.url.startsWith('https://acme.atlassian.net/')).toBe(true);
    }
    const kinds = new Set(all.map((a) => a.kind));
    expect(kinds.size).toBe(8);
  });

  it('credits nothing on deleted issues or content that is not current', () => {
    const deletedIssues = new Set(site.issues.filter((i) => i.deletedAt).map((i) => i.id));
    const goneContent = new Set(site.contents.filter((c) => c.status !== 'current').map((c) => c.id));
    expect(deletedIssues.size + goneContent.size).toBeGreaterThan(0);
    for (const a of all) {
      expect(deletedIssues.has(a.entity.id) && a.entity.type === 'issue').toBe(false);
      expect(goneContent.has(a.entity.id) && a.entity.type !== 'issue').toBe(false);
    }
  });

  it('partitions: two adjacent closed-open windows give exactly the activities of their union', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 * DAY }), fc.integer({ min: 0, max: 40 * DAY }), (x, y) => {
        const [lo, hi] = [Math.min(x, y), Math.max(x, y)].map((v) => NOW - 40 * DAY + v);
        const mid = Math.floor((lo + hi) / 2);
        const whole = expectedActivities(site, { ...base, since: lo, until: hi });
        const left = expectedActivities(site, { ...base, since: lo, until: mid });
        const right = expectedActivities(site, { ...base, since: mid, until: hi });
        expect([...left, ...right].map((a) => a.id)).toEqual(whole.map((a) => a.id));
        for (const a of whole) expect(Date.parse(a.at) >= lo && Date.parse(a.at) < hi).toBe(true);
      }),
      { numRuns: 25 },
    );
  });
});
