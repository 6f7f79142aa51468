import { asApp, getAppContext, route } from '@forge/api';
import type { LocalPlatform } from '../../local/platform';
import { confluenceConnectionOf } from '../../src/domain/app-installation';
import { CONFLUENCE_NOT_CONNECTED } from '../../src/shared/confluence-connection';
import { hostSite } from '../admin/helpers/sites';
import { diffActivities } from '../oracle/diff-activities';
import { teammateMappingFromFixture } from '../oracle/teammate-mapping';
import { startTestPlatform } from '../helpers/test-platform';
import { DAY, inApp, oracle, siteEndingNow, stored, sync } from './helpers';

jest.setTimeout(240_000);

/**
 * The manifest makes Confluence an optional app of the installation (app.compatibility): until a
 * site admin connects it, the host's Confluence streams are skipped (not failed: no cursor moves,
 * the source is not marked failing), and the admin page says so. Both cases on the local platform.
 */
describe('host Confluence not connected to the installation', () => {
  const fixture = siteEndingNow({ seed: 77, issues: 40, pages: 25, users: 5 });
  const mapping = teammateMappingFromFixture(fixture, { idOf: (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') });
  let platform: LocalPlatform;
  const wikiCalls = () => platform.sites!.requestLog.filter((r) => r.path.startsWith('/wiki/')).length;
  const confluenceCursors = () =>
    inApp(platform, async (d) => [await d.cursors.get('host', 'confluence-content'), await d.cursors.get('host', 'confluence-comments')]);

  beforeAll(async () => {
    platform = await startTestPlatform({ sites: [fixture], confluenceConnected: false });
    await inApp(platform, (d) =>
      d.config.saveTeammates({
        teams: [],
        teammates: [...mapping].map(([accountId, id]) => ({ id, name: id, externalIds: [{ dataSourceId: '*', type: 'accountId' as const, value: accountId }], mappedAt: new Date(Date.now() - DAY).toISOString() })),
      }),
    );
  });
  afterAll(() => platform.close());

  it('the runtime models the installation: its contexts, refused Confluence calls, no Confluence events', async () => {
    const contexts = async () => (await inApp(platform, async () => getAppContext().installation?.contexts.map(String)))!;
    const currentUser = () => inApp(platform, async () => (await asApp().requestConfluence(route`/wiki/rest/api/user/current`)).status);
    expect(await contexts()).toEqual([`ari:cloud:jira::site/${fixture.cloudId}`]);
    expect(await currentUser()).toBe(403);
    const page = fixture.contents[0];
    const event = { eventType: 'avi:confluence:updated:page', content: { id: page.id } };
    expect(await platform.runtime.runProductEvent(event)).toEqual([]);
    platform.runtime.setConfluenceConnected(true);
    expect(await contexts()).toEqual([`ari:cloud:jira::site/${fixture.cloudId}`, `ari:cloud:confluence::site/${fixture.cloudId}`]);
    expect((await platform.runtime.runProductEvent(event)).length).toBe(1);
    expect(await currentUser()).toBe(200);
    platform.runtime.setConfluenceConnected(false);
  });

  it('a scheduled sync stores the Jira activity, skips Confluence with the reason, and fails nothing', async () => {
    const wikiBefore = wikiCalls();
    const tick = await platform.runtime.runScheduledTrigger('sync-schedule');
    expect(tick.record.status).toBe('ok');
    for (let i = 0; i < 100 && platform.runtime.queue.size > 0; i++) await platform.runtime.drainQueue({ maxEvents: 5 });
    await platform.runtime.idle();
    const [run] = await inApp(platform, (d) => d.runs.list(1));
    expect(run.status).toBe('succeeded');
    expect(run.errors).toEqual([]);
    for (const id of ['confluence-content', 'confluence-comments']) expect(run.streams[id]).toMatchObject({ status: 'skipped', note: CONFLUENCE_NOT_CONNECTED.runNote });
    expect(run.streams['jira-issues'].status).toBe('done');
    expect(wikiCalls()).toBe(wikiBefore);
    const host = await inApp(platform, (d) => d.config.getDataSource('host'));
    expect(host?.failing).toBeUndefined();
    // Skipped, not read: the Confluence watermarks did not move.
    for (const c of await confluenceCursors()) expect(c.watermarkMs).toBeUndefined();
    const jiraOnly = oracle(fixture, mapping, run.window.untilMs - 90 * DAY, run.window.untilMs).filter((a) => a.source === 'jira');
    const diff = diffActivities(jiraOnly, await stored(platform));
    if (!diff.equal) throw new Error(diff.report(10));
  });

  it('once an admin connects Confluence, the next sync reads its whole history window', async () => {
    platform.runtime.setConfluenceConnected(true);
    const runs = await sync(platform, { reason: 'manual' });
    const untilMs = runs[0].window.untilMs;
    expect(runs[0].streams['confluence-content'].status).toBe('done');
    const diff = diffActivities(oracle(fixture, mapping, untilMs - 90 * DAY, untilMs), await stored(platform));
    if (!diff.equal) throw new Error(diff.report(10));
  });

  it('disconnected again: the deletion sweep keeps every Confluence activity and moves no Confluence cursor', async () => {
    const before = await stored(platform);
    expect(before.some((a) => a.source === 'confluence')).toBe(true);
    const cursorsBefore = await confluenceCursors();
    platform.runtime.setConfluenceConnected(false);
    const wikiBefore = wikiCalls();
    const [sweep] = await sync(platform, { reason: 'sweep' });
    expect(sweep.streams.sweep.status).toBe('done');
    const [again] = await sync(platform, { reason: 'manual' });
    expect(again.status).toBe('succeeded');
    expect(again.streams['confluence-content']).toMatchObject({ status: 'skipped', note: CONFLUENCE_NOT_CONNECTED.runNote });
    expect(wikiCalls()).toBe(wikiBefore);
    expect((await stored(platform)).map((a) => a.id).sort()).toEqual(before.map((a) => a.id).sort());
    expect(await confluenceCursors()).toEqual(cursorsBefore);
  });
});

describe('the admin page while Confluence is not connected', () => {
  let platform: LocalPlatform;
  const invoke = (key: string, payload: unknown) => platform.runtime.invokeResolver('admin-resolver', key, payload, { accountId: 'u-admin' });

  beforeAll(async () => {
    platform = await startTestPlatform({ sites: [hostSite()], confluenceConnected: false });
  });
  afterAll(() => platform.close());

  it('lists the host with the state, and Test connection explains it instead of failing', async () => {
    expect(await invoke('sources/list', {})).toMatchObject({ ok: true, data: { hostConfluence: 'not-connected', sources: [{ id: 'host', confluenceUrl: 'https://acme.atlassian.net/wiki' }] } });
    const tested = await invoke('sources/test', { id: 'host' });
    expect(tested).toMatchObject({
      ok: true,
      data: { jira: { status: 'ok' }, confluence: { status: 'not-connected', title: CONFLUENCE_NOT_CONNECTED.title, advice: expect.stringMatching(/Connected apps/) } },
    });
  });

  it('says connected once it is, and Test connection then signs in to Confluence', async () => {
    platform.runtime.setConfluenceConnected(true);
    expect(await invoke('sources/list', {})).toMatchObject({ ok: true, data: { hostConfluence: 'connected' } });
    expect(await invoke('sources/test', { id: 'host' })).toMatchObject({ ok: true, data: { confluence: { status: 'ok' } } });
  });
});

describe('reading the installation contexts', () => {
  const site = (p: string) => `ari:cloud:${p}::site/c-1`;
  it.each([
    [undefined, 'unknown'],
    [[], 'unknown'],
    [[site('jira')], 'not-connected'],
    [[site('jira'), site('confluence')], 'connected'],
    [[{ cloudId: 'c-1', toString: () => site('confluence') }], 'connected'],
    [['ari:cloud:compass::site/c-1'], 'unknown'],
  ])('%j → %s', (contexts, expected) => {
    expect(confluenceConnectionOf(contexts)).toBe(expected);
  });
});
