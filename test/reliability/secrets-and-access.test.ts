import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalPlatform } from '../../local/platform';
import type { SiteFixture } from '../../local/site/fixture-schema';
import { PERMISSION_TTL_SECONDS } from '../../src/access/permission-cache';
import { expectedActivities } from '../oracle/expected-activities';
import { maySeeTitle, type TitleRules } from '../oracle/title-visibility';
import { Figures } from './helpers/figures';
import { driveSyncToDone } from './helpers/sync-driver';
import { modules } from './helpers/valid-payloads';
import { adminOf, DASHBOARD_FN, type Envelope, GADGET_FN, installScaledTime, mapTeammates, mustAdmin, smallSite, startWorld } from './helpers/world';

/**
 * After a full scenario (sources with tokens, connection test, sync, dashboard and gadget use)
 * the API tokens appear in no resolver response, no log line, no plain KVS value and no built
 * file; every admin key refuses a non-admin; the dashboard and gadget refuse someone outside
 * the allowed groups; and no feed event shows a title or link the viewer may not browse.
 */
const figures = new Figures('secrets and access');

type FeedEvent = { id: string; dataSourceId: string; container: { type: 'project' | 'space'; key: string | null; name: string | null }; title: string | null; url: string | null; entityKey: string | null; restricted: string | null };

describe('secrets and access after a full scenario', () => {
  const clock = installScaledTime({ scaledLimits: false });
  let p: LocalPlatform;
  let host: SiteFixture;
  let other: SiteFixture;
  const responses: unknown[] = [];
  const tokens: string[] = [];
  let sourceId: string;
  /** accountId → teammateId on both sites, as the test mapped them. */
  const mapping = new Map<string, string>();

  const invoke = async (fn: string, key: string, payload: unknown, accountId: string, type: string): Promise<Envelope> => {
    const out = (await p.runtime.invokeResolver(fn, key, payload, { accountId, extension: { type } })) as Envelope;
    responses.push(out);
    return out;
  };

  beforeAll(async () => {
    // Seven people: a second team with an active member who is not a team lead.
    host = smallSite(61, { name: 'acme', users: 7 });
    other = smallSite(62, { name: 'globex', apiTokenUsers: 2 });
    p = await startWorld([host, other], 61, { scaledLimits: false });
  }, 60_000);

  afterAll(async () => {
    await p?.close();
    clock.restore();
    figures.print();
  });

  it('keeps the API tokens out of responses, logs, plain KVS values and built files', async () => {
    const admin = adminOf(host);
    const [jiraUser, wikiUser] = other.users.filter((u) => u.apiToken);
    tokens.push(jiraUser.apiToken!, wikiUser.apiToken!);
    const saved = await invoke('admin-resolver', 'sources/save', {
      name: 'Globex', enabled: true, jiraUrl: 'https://globex.atlassian.net', jiraEmail: jiraUser.email, jiraToken: jiraUser.apiToken,
      confluenceUrl: 'https://globex.atlassian.net/wiki', confluenceEmail: wikiUser.email, confluenceToken: wikiUser.apiToken,
    }, admin, 'jira:adminPage');
    expect(saved.ok).toBe(true);
    const id = (saved as { data: { source: { id: string } } }).data.source.id;
    sourceId = id;
    expect(await invoke('admin-resolver', 'sources/test', { id }, admin, 'jira:adminPage')).toMatchObject({ ok: true, data: { jira: { status: 'ok' } } });
    for (const [k, v] of await mapTeammates(p, host)) mapping.set(k, v);
    for (const [k, v] of await mapTeammates(p, other, { admin })) mapping.set(k, v);
    const synced = await driveSyncToDone(p, ['host', id], { advance: clock.advance });
    expect(synced.why ?? 'done').toBe('done');

    const lead = host.roles!.teamLead;
    for (const key of ['sources/list', 'sync/history', 'sync/status', 'sync/diagnostics', 'teammates/list', 'settings/get']) {
      expect((await invoke('admin-resolver', key, {}, admin, 'jira:adminPage')).ok).toBe(true);
    }
    for (const [key, payload] of Object.entries(modules.dashboard.valid)) await invoke(DASHBOARD_FN, key, payload, lead, 'jira:globalPage');
    await invoke(DASHBOARD_FN, 'dashboard/export', { filters: { range: '90d' } }, lead, 'jira:globalPage');
    for (const [key, payload] of Object.entries(modules.gadget.valid)) expect((await invoke(GADGET_FN, key, payload, lead, 'jira:dashboardGadget')).ok).toBe(true);

    // Failure paths log the most: a revoked token, a connection test and a sync against it.
    p.sites!.site('globex').revokeToken(jiraUser.email);
    expect(await invoke('admin-resolver', 'sources/test', { id }, admin, 'jira:adminPage')).toMatchObject({ ok: true, data: { jira: { status: expect.not.stringMatching(/^ok$/) } } });
    await driveSyncToDone(p, ['host'], { advance: clock.advance, maxRounds: 2 });

    const needles = tokens.flatMap((t, i) => {
      const email = i === 0 ? jiraUser.email : wikiUser.email;
      return [t, t.slice(8, 32), Buffer.from(`${email}:${t}`).toString('base64')];
    });
    const found = (text: string) => needles.filter((n) => text.includes(n));
    const dump = p.kvs.dump();
    const logLines = p.runtime.invocations.flatMap((i) => i.console.map((c) => c.text));
    const buildFiles = ['admin', 'dashboard'].flatMap((app) => listFiles(join('static', app, 'build')));
    const inResponses = found(JSON.stringify(responses));
    const inLogs = found(logLines.join('\n'));
    const inPlain = found(JSON.stringify(dump.plain)).concat(found(JSON.stringify(dump.entities)));
    const inFiles = buildFiles.filter((f) => found(readFileSync(f, 'latin1')).length > 0);
    // Positive control: the tokens are stored, as secrets.
    expect(Object.values(dump.secrets).map(String).sort()).toEqual([...tokens].sort());

    figures
      .add('tokens scanned', `${tokens.length} (plus fragments and Basic auth encodings)`)
      .add('resolver responses scanned', responses.length)
      .add('log lines scanned', `${logLines.length} from ${p.runtime.invocations.length} invocations`)
      .add('plain KVS values scanned', `${Object.keys(dump.plain).length} keys, ${Object.values(dump.entities).reduce((s, e) => s + Object.keys(e).length, 0)} entity rows`)
      .add('built files scanned', buildFiles.length)
      .add('token found in responses / logs / plain KVS / files', `${inResponses.length} / ${inLogs.length} / ${inPlain.length} / ${inFiles.length}`);
    for (const app of ['admin', 'dashboard']) {
      // A scan of nothing proves nothing: without a build this test fails instead of passing.
      const scripts = buildFiles.filter((f) => f.startsWith(join('static', app, 'build')) && f.endsWith('.js'));
      if (scripts.length === 0) {
        throw new Error(`static/${app}/build has no scripts: run \`npm run build:ui\` (npm test does) so the bundle scan has files to read`);
      }
    }
    expect({ inResponses, inLogs, inPlain, inFiles }).toEqual({ inResponses: [], inLogs: [], inPlain: [], inFiles: [] });
  }, 180_000);

  it('refuses every admin key to a non-admin, changing nothing', async () => {
    const outsiders = [host.roles!.teamLead, host.roles!.noAccess];
    const before = JSON.stringify(p.kvs.dump());
    let refused = 0;
    for (const who of outsiders) {
      for (const [key, payload] of Object.entries(modules.admin.valid)) {
        const out = await invoke('admin-resolver', key, payload, who, 'jira:adminPage');
        expect([key, out]).toEqual([key, { ok: false, error: expect.objectContaining({ code: 'FORBIDDEN', message: expect.any(String) }) }]);
        refused += 1;
      }
    }
    expect(JSON.stringify(p.kvs.dump())).toBe(before);
    figures.add('admin keys refused to non-admins', `${refused} of ${refused} (${Object.keys(modules.admin.valid).length} keys × ${outsiders.length} users)`);
  });

  it('refuses the dashboard and the gadget to a user outside the allowed groups', async () => {
    const outsider = host.roles!.noAccess;
    let refused = 0;
    for (const [fn, mod, type] of [[DASHBOARD_FN, modules.dashboard, 'jira:globalPage'], [GADGET_FN, modules.gadget, 'jira:dashboardGadget']] as const) {
      for (const [key, payload] of Object.entries(mod.valid)) {
        const out = await invoke(fn, key, payload, outsider, type);
        if (key === 'dashboard/context') {
          // The page's first call answers the access state itself, so it can explain the refusal.
          expect(out).toMatchObject({ ok: true, data: { access: { allowed: false, reason: expect.any(String) }, teammates: [], teams: [], dataSources: [] } });
        } else {
          expect([key, out]).toEqual([key, { ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) }]);
        }
        refused += 1;
      }
    }
    figures.add('dashboard and gadget keys refused to an outsider', `${refused} of ${refused}`);
  });

  it('never shows a viewer the title or link of an event they may not read, by a rule computed from the fixtures', async () => {
    const admin = host.roles!.admin;
    const state = p.sites!.site('acme');
    // A project the team lead may not browse, whatever the generator chose.
    const leadUser = host.users.find((u) => u.accountId === host.roles!.teamLead)!;
    const target = host.projects.find((pr) => host.issues.some((i) => i.projectId === pr.id))!;
    state.setProjectBrowseGroups(target.key, ['jira-administrators']);
    // The rules' inputs are chosen here, not read back from the app: a team group the lead is not
    // in may see the other site's titles, and both it and the team leads may open the dashboard.
    const otherTeam = host.groups.map((g) => g.name).find((g) => g.startsWith('team-') && g !== 'team-leads' && !leadUser.groups.includes(g))!;
    const member = host.users.find((u) => u.active && u.groups.includes(otherTeam) && !u.groups.includes('jira-administrators'))!;
    expect([otherTeam, member]).toEqual([expect.any(String), expect.anything()]);
    const dashboardGroups = ['team-leads', otherTeam];
    await mustAdmin(p, admin, 'settings/save-access', { dashboardGroups, privacyMode: false });
    const [jiraUser, wikiUser] = other.users.filter((u) => u.apiToken);
    await mustAdmin(p, admin, 'sources/save', {
      id: sourceId, name: 'Globex', enabled: true, jiraUrl: 'https://globex.atlassian.net', jiraEmail: jiraUser.email,
      confluenceUrl: 'https://globex.atlassian.net/wiki', confluenceEmail: wikiUser.email, viewGroups: [otherTeam],
    });
    // Browse answers are cached per viewer for a bounded time: past it, the revocation holds.
    clock.advance((PERMISSION_TTL_SECONDS + 1) * 1000);
    const rules: TitleRules = { host: state.fixture, otherSites: new Map([[sourceId, [otherTeam]]]), dashboardGroups, privacyMode: false };
    // What each event is, from the fixtures: the oracle's activities by id, not the event's own fields.
    const until = Date.now();
    const truth = new Map(
      [
        ...expectedActivities(state.fixture, { dataSourceId: 'host', siteUrl: 'https://acme.atlassian.net', mapping, since: 0, until }),
        ...expectedActivities(p.sites!.site('globex').fixture, { dataSourceId: sourceId, siteUrl: 'https://globex.atlassian.net', mapping, since: 0, until }),
      ].map((a) => [a.id, a]),
    );
    const viewers = [host.roles!.teamLead, admin, member.accountId];
    const tally = { shown: 0, hidden: 0, otherSite: 0, allowedButHidden: 0 };
    const leaks: string[] = [];
    for (const viewer of viewers) {
      let cursor: string | undefined;
      do {
        const out = await invoke(DASHBOARD_FN, 'dashboard/feed', { filters: { range: '90d' }, limit: 100, ...(cursor ? { cursor } : {}) }, viewer, 'jira:globalPage');
        if (!out.ok) throw new Error(`feed for ${viewer}: ${out.error.code} ${out.error.message}`);
        const page = out.data as { events: FeedEvent[]; nextCursor?: string };
        for (const e of page.events) {
          const visible = e.title !== null || e.url !== null || e.entityKey !== null || e.container.key !== null;
          const a = truth.get(e.id);
          const allowed = a !== undefined && maySeeTitle(rules, viewer, a);
          if (visible && !allowed) leaks.push(`${viewer} sees ${e.id}${a ? '' : ' (no such activity in the fixtures)'}`);
          if (!visible && allowed) tally.allowedButHidden += 1;
          if (a && a.dataSourceId !== 'host') tally.otherSite += 1;
          if (visible) tally.shown += 1;
          else tally.hidden += 1;
        }
        cursor = page.nextCursor;
      } while (cursor);
    }
    figures.add('project made admin-only', `${target.key} (checked after the ${PERMISSION_TTL_SECONDS} s permission cache)`);
    figures.add(
      'feed events checked against the fixtures',
      `${tally.shown + tally.hidden} for ${viewers.length} viewers (${tally.shown} shown, ${tally.hidden} hidden; ${tally.otherSite} from another site), leaks: ${leaks.length}, allowed but hidden: ${tally.allowedButHidden}`,
    );
    expect(leaks.slice(0, 5)).toEqual([]);
    // Each viewer sees some and misses some: the check is not vacuous.
    expect(tally.hidden).toBeGreaterThan(0);
    expect(tally.shown).toBeGreaterThan(0);
    expect(tally.otherSite).toBeGreaterThan(0);
  });
});

function listFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    const f = join(dir, n);
    return statSync(f).isDirectory() ? listFiles(f) : [f];
  });
}
