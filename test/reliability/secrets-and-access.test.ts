import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalPlatform } from '../../local/platform';
import type { SiteFixture } from '../../local/site/fixture-schema';
import { PERMISSION_TTL_SECONDS } from '../../src/access/permission-cache';
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

type FeedEvent = { id: string; dataSourceId: string; container: { type: 'project' | 'space'; key: string | null }; title: string | null; url: string | null; entityKey: string | null; restricted: string | null };

describe('secrets and access after a full scenario', () => {
  const clock = installScaledTime({ scaledLimits: false });
  let p: LocalPlatform;
  let host: SiteFixture;
  let other: SiteFixture;
  const responses: unknown[] = [];
  const tokens: string[] = [];

  const invoke = async (fn: string, key: string, payload: unknown, accountId: string, type: string): Promise<Envelope> => {
    const out = (await p.runtime.invokeResolver(fn, key, payload, { accountId, extension: { type } })) as Envelope;
    responses.push(out);
    return out;
  };

  beforeAll(async () => {
    host = smallSite(61, { name: 'acme' });
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
    expect(await invoke('admin-resolver', 'sources/test', { id }, admin, 'jira:adminPage')).toMatchObject({ ok: true, data: { jira: { status: 'ok' } } });
    await mapTeammates(p, host);
    await mapTeammates(p, other, { admin });
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

  it('never shows a viewer the title or link of an event they cannot browse', async () => {
    const state = p.sites!.site('acme');
    // A project the team lead may not browse, whatever the generator chose.
    const lead = host.users.find((u) => u.accountId === host.roles!.teamLead)!;
    const target = host.projects.find((pr) => !lead.groups.includes('jira-administrators') && host.issues.some((i) => i.projectId === pr.id))!;
    state.setProjectBrowseGroups(target.key, ['jira-administrators']);
    // Browse answers are cached per viewer for a bounded time: past it, the revocation holds.
    clock.advance((PERMISSION_TTL_SECONDS + 1) * 1000);
    const fixture = state.fixture;
    // The team lead may use the dashboard but not browse everything; the admin browses all.
    const viewers = [host.roles!.teamLead, host.roles!.admin];
    let hidden = 0;
    let shown = 0;
    let otherSite = 0;
    const leaks: string[] = [];
    const sources = (await mustAdmin<{ sources: Array<{ id: string; viewGroups?: string[] }> }>(p, host.roles!.admin, 'sources/list', {})).sources;
    const settings = await mustAdmin<{ dashboardGroups: string[] }>(p, host.roles!.admin, 'settings/get', {});
    for (const viewer of viewers) {
      const user = fixture.users.find((u) => u.accountId === viewer)!;
      const can = (groups: string[] | undefined) => groups === undefined || groups.some((g) => user.groups.includes(g));
      let cursor: string | undefined;
      do {
        const out = await invoke(DASHBOARD_FN, 'dashboard/feed', { filters: { range: '90d' }, limit: 100, ...(cursor ? { cursor } : {}) }, viewer, 'jira:globalPage');
        if (!out.ok) throw new Error(`feed for ${viewer}: ${out.error.code} ${out.error.message}`);
        const page = out.data as { events: FeedEvent[]; nextCursor?: string };
        for (const e of page.events) {
          const visible = e.title !== null || e.url !== null || e.entityKey !== null;
          let allowed: boolean;
          if (e.dataSourceId === 'host') {
            const container = e.container.type === 'project' ? fixture.projects.find((x) => x.key === e.container.key) : fixture.spaces.find((x) => x.key === e.container.key);
            allowed = container !== undefined && can(e.container.type === 'project' ? (container as { browseGroups?: string[] }).browseGroups : (container as { viewGroups?: string[] }).viewGroups);
          } else {
            // Another site cannot be asked about the viewer: the product's rule is Jira admins and
            // the groups allowed for that data source (by default the dashboard groups).
            otherSite += 1;
            const groups = sources.find((x) => x.id === e.dataSourceId)?.viewGroups ?? settings.dashboardGroups;
            allowed = user.groups.includes('jira-administrators') || can(groups);
          }
          if (visible && !allowed) leaks.push(`${viewer} sees ${e.id} in ${e.dataSourceId}/${e.container.type}:${e.container.key}`);
          if (visible) shown += 1;
          else hidden += 1;
        }
        cursor = page.nextCursor;
      } while (cursor);
    }
    figures.add('project made admin-only', `${target.key} (checked after the ${PERMISSION_TTL_SECONDS} s permission cache)`);
    figures.add('feed events checked against browse permissions', `${shown + hidden} (${shown} shown, ${hidden} hidden; ${otherSite} from another site, checked against its view groups), leaks: ${leaks.length}`);
    expect(leaks.slice(0, 5)).toEqual([]);
    expect(hidden).toBeGreaterThan(0);
    expect(shown).toBeGreaterThan(0);
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
