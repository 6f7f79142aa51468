import type { LocalPlatform } from '../../local/platform';
import type { SiteFixture } from '../../local/site/fixture-schema';
import { diffActivities } from '../oracle/diff-activities';
import { expectedActivities } from '../oracle/expected-activities';
import { recountRollups, rollupCells } from '../oracle/recount-rollups';
import { Figures } from './helpers/figures';
import { driveSyncToDone } from './helpers/sync-driver';
import { adminOf, callAdmin, DASHBOARD_FN, type Envelope, installScaledTime, mapTeammates, mustAdmin, smallSite, startWorld, storedActivities, storedRollups } from './helpers/world';

/**
 * What an admin takes away stays away, and a token stays with its site:
 * - a source whose site changes keeps no token: every request the app sends carries only a token
 *   entered for that request's site (observed on the wire, whatever the code believes);
 * - deleting a data source deletes its activities and recounts the rollups, and while that purge
 *   is still under way no viewer, admin included, sees a title, key or link of that source;
 * - saving a teammate without an identity it had deletes what that account contributed to them.
 */
const figures = new Figures('removals and rebinding');

describe('removals and rebinding', () => {
  const clock = installScaledTime({ scaledLimits: false });
  let p: LocalPlatform;
  let host: SiteFixture;
  let other: SiteFixture;
  let admin: string;
  let sourceId: string;
  let mapping: Map<string, string>;
  /** Every Basic-auth request the app sent: the site asked and the token sent. */
  const sent: Array<{ host: string; token: string }> = [];
  /** The site each token was entered for, as the admin typed it. */
  const enteredFor = new Map<string, string>();
  const realFetch = globalThis.fetch;

  beforeAll(async () => {
    host = smallSite(91, { name: 'acme' });
    other = smallSite(92, { name: 'globex', apiTokenUsers: 2 });
    p = await startWorld([host, other], 91, { scaledLimits: false });
    const platformFetch = globalThis.fetch;
    globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const auth = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)).get('authorization');
      if (auth?.startsWith('Basic ')) sent.push({ host: url.hostname, token: Buffer.from(auth.slice(6), 'base64').toString().split(':').slice(1).join(':') });
      return platformFetch(input, init);
    }) as typeof fetch;
    admin = adminOf(host);
    const connector = other.users.find((u) => u.apiToken)!;
    enteredFor.set(connector.apiToken!, 'globex.atlassian.net');
    const saved = await mustAdmin<{ source: { id: string } }>(p, admin, 'sources/save', {
      name: 'Globex', enabled: true, jiraUrl: 'https://globex.atlassian.net', jiraEmail: connector.email, jiraToken: connector.apiToken,
      confluenceUrl: 'https://globex.atlassian.net/wiki',
    });
    sourceId = saved.source.id;
    // Not everyone: the last host user is kept back to become a second identity later.
    const hostPeople = host.users.filter((u) => u.active && u.accountType !== 'app').map((u) => u.accountId);
    mapping = await mapTeammates(p, host, { users: hostPeople.slice(0, -1) });
    for (const [k, v] of await mapTeammates(p, other, { admin })) mapping.set(k, v);
    const synced = await driveSyncToDone(p, ['host', sourceId], { advance: clock.advance });
    if (!synced.done) throw new Error(`setup sync did not finish: ${synced.why}`);
  }, 180_000);

  afterAll(async () => {
    globalThis.fetch = realFetch;
    await p?.close();
    clock.restore();
    figures.print();
  });

  const expectRollupsToEqualRecount = () => {
    const exp = recountRollups(storedActivities(p));
    const got = storedRollups(p);
    for (const week of new Set([...exp.keys(), ...got.keys()])) {
      const e = exp.get(week);
      const g = got.get(week);
      expect([week, g ? rollupCells(g) : []]).toEqual([week, e ? rollupCells(e) : []]);
    }
  };

  it('never sends a token to a site it was not entered for when the site of a source changes', async () => {
    const [connector, second] = other.users.filter((u) => u.apiToken);
    const base = { id: sourceId, name: 'Globex', enabled: true, jiraEmail: connector.email };
    const attempts: Array<[string, Record<string, unknown>, boolean]> = [
      ['Jira moved, no token', { jiraUrl: 'https://initech.atlassian.net', confluenceUrl: 'https://globex.atlassian.net/wiki' }, false],
      ['Confluence moved, no token', { jiraUrl: 'https://globex.atlassian.net', confluenceUrl: 'https://initech.atlassian.net/wiki' }, false],
      ['both moved, no token', { jiraUrl: 'https://initech.atlassian.net', confluenceUrl: 'https://initech.atlassian.net/wiki' }, false],
      ['Confluence own token for its site', { jiraUrl: 'https://globex.atlassian.net', confluenceUrl: 'https://globex.atlassian.net/wiki', confluenceEmail: second.email, confluenceToken: second.apiToken }, true],
      ['Confluence moved again, no token', { jiraUrl: 'https://globex.atlassian.net', confluenceUrl: 'https://initech.atlassian.net/wiki', confluenceEmail: second.email }, false],
    ];
    enteredFor.set(second.apiToken!, 'globex.atlassian.net');
    let refused = 0;
    let accepted = 0;
    const answers: Array<[string, boolean, string | undefined]> = [];
    for (const [what, over] of attempts) {
      const out = await callAdmin(p, admin, 'sources/save', { ...base, ...over });
      answers.push([what, out.ok, out.ok ? undefined : out.error.field]);
      if (out.ok) accepted += 1;
      else refused += 1;
      // The connection test calls each product with whatever credentials the app now holds.
      await callAdmin(p, admin, 'sources/test', { id: sourceId });
    }
    const wrong = sent.filter((r) => enteredFor.get(r.token) !== r.host);
    figures
      .add('site changes tried', `${attempts.length} (${refused} refused for want of a token, ${accepted} accepted)`)
      .add('token kept on host change', `${wrong.length} of ${sent.length} authenticated requests`);
    expect(sent.length).toBeGreaterThan(0);
    expect(wrong.slice(0, 3)).toEqual([]);
    expect(answers).toEqual(attempts.map(([what, , ok]) => [what, ok, ok ? undefined : expect.stringMatching(/^(jira|confluence)Token$/)]));
  }, 120_000);

  const viewers = () => [admin, host.roles!.teamLead];

  /** Everything a viewer can read about the range: summary, every feed page and the export. */
  const everythingShown = async (viewer: string): Promise<string> => {
    const parts: unknown[] = [];
    const call = async (key: string, payload: unknown) => {
      const out = (await p.runtime.invokeResolver(DASHBOARD_FN, key, payload, { accountId: viewer, extension: { type: 'jira:globalPage' } })) as Envelope<Record<string, unknown>>;
      if (!out.ok) throw new Error(`${key}: ${out.error.code} ${out.error.message}`);
      parts.push(out.data);
      return out.data;
    };
    await call('dashboard/summary', { filters: { range: '90d' } });
    let cursor: string | undefined;
    do cursor = (await call('dashboard/feed', { filters: { range: '90d' }, limit: 100, ...(cursor ? { cursor } : {}) })).nextCursor as string | undefined;
    while (cursor);
    do cursor = (await call('dashboard/export', { filters: { range: '90d' }, ...(cursor ? { cursor } : {}) })).nextCursor as string | undefined;
    while (cursor);
    return JSON.stringify(parts);
  };

  it('deleting a data source hides its titles at once and purges its activities by itself', async () => {
    const before = storedActivities(p);
    const ofSource = before.filter((a) => a.dataSourceId === sourceId);
    expect(ofSource.length).toBeGreaterThan(10);
    // Titles, issue keys and links only that source has (the host's could be the same words). A
    // page's key is its numeric id, which every event id carries: ids are not titles.
    // A text that is part of a host text ("Split CSV export" in "Split CSV export for large
    // accounts") is no secret either: the check below looks for substrings.
    const hostTexts = [...new Set(before.filter((a) => a.dataSourceId !== sourceId).flatMap((a) => [a.entity.title, a.entity.key, a.url]))].filter((t): t is string => !!t);
    const inHostText = (t: string) => hostTexts.some((h) => h.includes(t));
    const secrets = [...new Set(ofSource.flatMap((a) => [a.entity.title, a.entity.key, a.url]))].filter((t): t is string => !!t && t.length > 4 && !/^\d+$/.test(t) && !inHostText(t));
    expect(secrets.length).toBeGreaterThan(5);
    // Positive control: before the deletion the admin sees them.
    const adminBefore = await everythingShown(admin);
    expect(secrets.filter((t) => adminBefore.includes(JSON.stringify(t).slice(1, -1))).length).toBeGreaterThan(0);

    // A resolver with no time beyond the purge's reserve: the deletion is recorded and the
    // activities stay for the queue to delete, which is when a deleted source's rows are on screen.
    p.runtime.setLimits({ resolverMs: 5_000 });
    const out = await callAdmin<{ deleted: string; purge?: { activities: number; continuing: boolean } }>(p, admin, 'sources/delete', { id: sourceId });
    p.runtime.setLimits({ resolverMs: undefined });
    expect(out).toEqual({ ok: true, data: { deleted: sourceId, purge: { activities: 0, continuing: true } } });
    expect(storedActivities(p).filter((a) => a.dataSourceId === sourceId).length).toBe(ofSource.length);

    let shownWhilePurging = 0;
    for (const viewer of viewers()) {
      const seen = await everythingShown(viewer);
      shownWhilePurging += secrets.filter((t) => seen.includes(JSON.stringify(t).slice(1, -1))).length;
    }

    await p.runtime.drainQueue();
    const left = storedActivities(p).filter((a) => a.dataSourceId === sourceId).length;
    expectRollupsToEqualRecount();
    const untouched = before.filter((a) => a.dataSourceId !== sourceId);
    expect(diffActivities(untouched, storedActivities(p)).report(5)).toBe(diffActivities(untouched, untouched).report(5));
    figures
      .add('activities of the deleted source', `${ofSource.length} (${secrets.length} titles, keys and links only it has)`)
      .add('titles of deleted sources shown', `${shownWhilePurging} (summary, feed and export, admin and team lead, while purging)`)
      .add('activities of deleted sources kept', `${left} after the queue ran`);
    expect(shownWhilePurging).toBe(0);
    expect(left).toBe(0);
  }, 120_000);

  it('saving a teammate without an identity it had purges what that account contributed to them', async () => {
    const hostPeople = host.users.filter((u) => u.active && u.accountType !== 'app').map((u) => u.accountId);
    const spare = hostPeople[hostPeople.length - 1];
    const [keeper] = [...mapping].filter(([acc]) => acc !== admin && hostPeople.includes(acc))[0];
    const teammateId = mapping.get(keeper)!;
    const name = host.users.find((u) => u.accountId === keeper)!.displayName;
    const both = [{ dataSourceId: '*', type: 'accountId', value: keeper }, { dataSourceId: 'host', type: 'accountId', value: spare }];
    await mustAdmin(p, admin, 'teammates/save', { id: teammateId, name, externalIds: both });
    clock.advance(60_000);
    const again = await driveSyncToDone(p, ['host'], { advance: clock.advance });
    expect(again.why ?? 'done').toBe('done');
    const contributed = storedActivities(p).filter((a) => a.teammateId === teammateId && a.actorAccountId === spare).length;
    expect(contributed).toBeGreaterThan(0);
    const keeperBefore = storedActivities(p).filter((a) => a.teammateId === teammateId && a.actorAccountId === keeper);

    const saved = await callAdmin(p, admin, 'teammates/save', { id: teammateId, name, externalIds: [both[0]] });
    expect(saved.ok).toBe(true);
    await p.runtime.drainQueue();

    const kept = storedActivities(p).filter((a) => a.teammateId === teammateId && a.actorAccountId === spare).length;
    const keeperAfter = storedActivities(p).filter((a) => a.teammateId === teammateId && a.actorAccountId === keeper);
    expect(diffActivities(keeperBefore, keeperAfter).report(5)).toBe(diffActivities(keeperBefore, keeperBefore).report(5));
    const hostMapping = new Map([...mapping].filter(([acc]) => hostPeople.includes(acc)));
    const expected = expectedActivities(host, { dataSourceId: 'host', siteUrl: 'https://acme.atlassian.net', mapping: hostMapping, since: 0, until: Date.now() });
    const storedHost = storedActivities(p).filter((a) => a.dataSourceId === 'host');
    expect(diffActivities(expected, storedHost).report(5)).toBe(diffActivities(expected, expected).report(5));
    expectRollupsToEqualRecount();
    figures.add('activities of removed identities kept', `${kept} of ${contributed}`);
    expect(kept).toBe(0);

    // Given back before the purge settled: "Fetch now" stores the account's activities again,
    // and the job's last pass, due afterwards, keeps what the account is the teammate's for again.
    const jobs = () => Object.keys(p.kvs.dump().plain).filter((k) => k.includes('purge-job'));
    expect(jobs().length).toBeGreaterThan(0);
    await mustAdmin(p, admin, 'teammates/save', { id: teammateId, name, externalIds: both });
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    await mustAdmin(p, admin, 'sources/fetch-now', { id: 'host', since: day(Date.now() - 30 * 86_400_000), until: day(Date.now()) });
    for (let i = 0; i < 100 && p.runtime.queue.size > 0; i++) await p.runtime.drainQueue({ maxEvents: 10 });
    expect(storedActivities(p).filter((a) => a.teammateId === teammateId && a.actorAccountId === spare).length).toBe(contributed);
    clock.advance(20 * 60_000);
    await p.runtime.runScheduledTrigger('sync-schedule');
    await p.runtime.idle();
    expect(jobs()).toEqual([]);
    const restored = storedActivities(p).filter((a) => a.teammateId === teammateId && a.actorAccountId === spare).length;
    figures.add('activities of an identity given back, after the purge settled', `${restored} of ${contributed}`);
    expect(restored).toBe(contributed);
  }, 180_000);
});
