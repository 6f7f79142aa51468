import type { PurgeResult } from '../../src/privacy/purge-activities';
import { startAdminEnv, type AdminEnv } from './helpers/admin-env';

/**
 * The removal order when the purge of a long history does not fit one call: the teammate stays
 * listed (so removing again continues the purge) and the admin is told what happened.
 */
describe('teammates/delete when the purge runs out of time', () => {
  let env: AdminEnv;
  beforeEach(async () => {
    env = await startAdminEnv();
  });
  afterEach(() => env.close());

  it('keeps the teammate and says to remove again until the purge is done', async () => {
    const saved = await env.call('teammates/save', { name: 'Robin', externalIds: [{ dataSourceId: '*', type: 'accountId', value: '5b10ac8d82e05b22cc7d4ef5' }] });
    if (!saved.ok) throw new Error(saved.error.message);
    const id = (saved.data as { teammate: { id: string } }).teammate.id;
    const answers: PurgeResult[] = [
      { activities: 400, weeks: 30, done: false },
      { activities: 120, weeks: 8, done: true },
      { activities: 0, weeks: 0, done: true },
    ];
    const calls: string[] = [];
    env.deps.purgeTeammateActivities = async (teammateId) => {
      calls.push(teammateId);
      return answers.shift()!;
    };

    const first = await env.call('teammates/delete', { id });
    expect(first.ok).toBe(false);
    if (first.ok) return;
    expect(first.error.code).toBe('CONFLICT');
    expect(first.error.message).toContain('Robin');
    expect(first.error.message).toContain('400');
    expect((await env.config.getTeammates()).teammates.map((t) => t.id)).toContain(id);

    const second = await env.call('teammates/delete', { id });
    expect(second).toEqual({ ok: true, data: { deleted: id } });
    expect((await env.config.getTeammates()).teammates.map((t) => t.id)).not.toContain(id);
    // The last pass after the teammate is gone catches what a sync wrote meanwhile.
    expect(calls).toEqual([id, id, id]);
  });
});
