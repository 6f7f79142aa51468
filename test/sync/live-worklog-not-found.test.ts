import { seedFromFixture } from '../../local/cli/sync/seed';
import type { LocalPlatform } from '../../local/platform';
import { startTestPlatform } from '../helpers/test-platform';
import { activityId } from '../../src/domain/activity';
import { DAY, inApp, siteEndingNow, stored, sync } from './helpers';

jest.setTimeout(180_000);

/**
 * A worklog event whose worklog the app cannot read now is no evidence the worklog is gone: Jira
 * leaves a worklog out of `POST /worklog/list` both when it was deleted and when the caller may not
 * see it (visibility or issue security). Only the deleted event, the deleted-worklog feed or the
 * sweep's evidence rules delete.
 */
describe('a worklog event for a worklog not found now', () => {
  const fixture = siteEndingNow({ seed: 41, issues: 20, pages: 0, users: 5 });
  let platform: LocalPlatform;
  let mapping: Map<string, string>;
  const site = () => platform.sites!.site(fixture.name);

  beforeAll(async () => {
    platform = await startTestPlatform({ sites: [fixture], deliverHostEvents: true });
    mapping = await inApp(platform, async (d) => (await seedFromFixture(d.config, fixture, { mappedAt: new Date(Date.now() - DAY).toISOString() })).mapping);
    await sync(platform, { reason: 'scheduled' });
  });
  afterAll(() => platform.close());

  it('keeps the stored activity', async () => {
    const issue = site().raw.issues.find((i) => !i.deletedAt && i.worklogs.some((w) => !w.deletedAt && mapping.has(w.authorId)))!;
    const wl = issue.worklogs.find((w) => !w.deletedAt && mapping.has(w.authorId))!;
    const id = activityId.worklog('host', wl.id);
    expect((await stored(platform)).some((a) => a.id === id)).toBe(true);

    // The worklog leaves what the app can read without a deletion the app is told about.
    issue.worklogs = issue.worklogs.filter((w) => w.id !== wl.id);
    await platform.runtime.runProductEvent({ eventType: 'avi:jira:updated:worklog', worklog: { id: wl.id, issueId: issue.id } });

    expect((await stored(platform)).some((a) => a.id === id)).toBe(true);
  });
});
