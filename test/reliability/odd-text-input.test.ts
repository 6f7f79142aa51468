import type { LocalPlatform } from '../../local/platform';
import { adminOf, callAdmin, smallSite, startWorld } from './helpers/world';

/**
 * Found by the resolver fuzzing: some odd text reached the store or a site request and came
 * back as an internal error instead of a clear one. A run id outside the run id alphabet made
 * the KVS refuse the key; an unpaired surrogate in a search made the URL encoding throw.
 */
describe('odd text in admin payloads gets a specific error', () => {
  let p: LocalPlatform;
  let admin: string;
  beforeAll(async () => {
    const site = smallSite(81, { name: 'acme' });
    p = await startWorld([site], 81, { scaledLimits: false });
    admin = adminOf(site);
  });
  afterAll(() => p.close());

  it.each([
    ['sync/cancel', { runId: '\ua60c\ud809\udcfc' }, 'runId'],
    ['sync/cancel', { runId: 'run id with spaces' }, 'runId'],
    ['groups/search', { query: '\ud800' }, 'query'],
    ['users/search', { query: 'a\udc00b' }, 'query'],
    ['teammates/add-group', { groupName: '\ud800' }, 'groupName'],
  ])('%s %j', async (key, payload, field) => {
    const out = await callAdmin(p, admin, key, payload);
    expect(out).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', field } });
  });

  it('still accepts real text, including characters outside the BMP', async () => {
    expect(await callAdmin(p, admin, 'groups/search', { query: 'jira 🧪' })).toMatchObject({ ok: true });
    expect(await callAdmin(p, admin, 'sync/cancel', { runId: 'mifx1abc-ds-23434a1e1b93' })).toMatchObject({ ok: true, data: { cancelled: false } });
  });
});
