import type { DashboardFeed, DashboardSummary } from '../../src/shared/dashboard-contract';
import { generateActivity } from './helpers/activities';
import { PLACES, ROSTER, startDashboardEnv, USERS, withPictures, type DashboardEnv } from './helpers/dashboard-env';

/**
 * Pictures on the dashboard, through the dashboard resolver on the local platform: a teammate's
 * stored picture reaches the table and the feed; privacy mode (counts only) sends none, nor does
 * a refused viewer get any; a teammate without one, or removed since, has none.
 */
const ADA = 'https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/u-admin/1c2d/128?size=48&s=48';
const BO = 'https://secure.gravatar.com/avatar/906ffbfe1ad0998daccbf7b820aace5b?d=https%3A%2F%2Favatar-management--avatars.us-west-2.prod.public.atl-paas.net%2Finitials%2FBB-3.png';

const pictured = withPictures(ROSTER, { 'tm-a': { accountId: 'u-admin', url: ADA }, 'tm-b': { accountId: 'u-bo', url: BO } });

describe('teammate pictures in the dashboard payloads', () => {
  let env: DashboardEnv;
  const summary = async (who: string = USERS.lead) => {
    const r = await env.call<DashboardSummary>('dashboard/summary', { filters: { range: '7d' } }, who);
    if (!r.ok) throw new Error(r.error.message);
    return r.data;
  };
  const feed = async (who: string = USERS.lead) => {
    const r = await env.call<DashboardFeed>('dashboard/feed', { filters: { range: '7d' }, limit: 100 }, who);
    if (!r.ok) throw new Error(r.error.message);
    return r.data.events;
  };
  const pictureOf = (s: DashboardSummary, id: string) => s.teammates.find((t) => t.teammateId === id)?.avatarUrl;

  beforeAll(async () => {
    env = await startDashboardEnv();
    const hour = (n: number) => new Date(Date.now() - n * 3_600_000).toISOString();
    await env.store(
      (['tm-a', 'tm-b', 'tm-c', 'tm-gone'] as const).map((teammateId, i) =>
        generateActivity({ kind: 'jira.comment', teammateId, at: hour(i + 1), dataSourceId: 'host', container: PLACES[0].c }),
      ),
    );
    await env.setRoster(pictured);
  });
  afterAll(() => env.close());
  beforeEach(() => env.setSettings({}));

  it('sends each stored picture with the teammate in the table and in the feed', async () => {
    const s = await summary();
    expect(pictureOf(s, 'tm-a')).toBe(ADA);
    expect(pictureOf(s, 'tm-b')).toBe(BO);
    const cy = s.teammates.find((t) => t.teammateId === 'tm-c');
    expect(cy).toBeDefined();
    expect(cy).not.toHaveProperty('avatarUrl');
    const events = await feed();
    const byTeammate = new Map(events.map((e) => [e.teammateId, e]));
    expect(byTeammate.get('tm-a')?.teammateAvatarUrl).toBe(ADA);
    expect(byTeammate.get('tm-b')?.teammateAvatarUrl).toBe(BO);
    expect(byTeammate.get('tm-c')).not.toHaveProperty('teammateAvatarUrl');
    // A removed teammate's activity still counts, without a name or a picture.
    expect(byTeammate.get('tm-gone')).toMatchObject({ teammateName: 'Removed teammate' });
    expect(byTeammate.get('tm-gone')).not.toHaveProperty('teammateAvatarUrl');
  });

  it('sends no picture at all in privacy mode, to anyone', async () => {
    await env.setSettings({ privacyMode: true });
    for (const who of [USERS.lead, USERS.admin]) {
      const s = await summary(who);
      expect(s.teammates.length).toBeGreaterThan(0);
      const events = await feed(who);
      expect(events.length).toBeGreaterThan(0);
      expect(JSON.stringify([s, events])).not.toMatch(/atl-paas|gravatar|avatarUrl/i);
    }
  });

  it('sends nothing to a viewer refused the dashboard', async () => {
    const r = await env.call<DashboardSummary>('dashboard/summary', { filters: { range: '7d' } }, USERS.hugo);
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(JSON.stringify(r)).not.toMatch(/atl-paas|gravatar/);
  });

  it('never sends a stored URL that is not on an Atlassian avatar host', async () => {
    const tampered = withPictures(pictured, { 'tm-c': { accountId: 'u-cy', url: 'https://tracker.example.com/cy.png' } });
    await env.setRoster(tampered);
    try {
      const s = await summary();
      expect(s.teammates.find((t) => t.teammateId === 'tm-c')).not.toHaveProperty('avatarUrl');
      expect(JSON.stringify([s, await feed()])).not.toContain('example.com');
    } finally {
      await env.setRoster(pictured);
    }
  });
});
