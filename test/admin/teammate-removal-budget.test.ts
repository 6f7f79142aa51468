import type { PurgeTarget } from '../../src/store/purge-job-repository';
import { startAdminEnv, type AdminEnv } from './helpers/admin-env';

/**
 * The removal order: the purge is recorded, then the teammate leaves the list, then what fits
 * in the call is deleted; a long history goes on in the background and the admin is told so.
 */
describe('teammates/delete with a long history', () => {
  let env: AdminEnv;
  beforeEach(async () => {
    env = await startAdminEnv();
  });
  afterEach(() => env.close());

  async function robin(): Promise<string> {
    const saved = await env.call('teammates/save', { name: 'Robin', externalIds: [{ dataSourceId: '*', type: 'accountId', value: '5b10ac8d82e05b22cc7d4ef5' }] });
    if (!saved.ok) throw new Error(saved.error.message);
    return (saved.data as { teammate: { id: string } }).teammate.id;
  }

  it('takes the teammate off the list at once and says the rest is deleted in the background', async () => {
    const id = await robin();
    const calls: { target: PurgeTarget; label: string; listedWhenRecorded: boolean }[] = [];
    env.deps.purges = {
      list: async () => [],
      async start(target, label, afterRecorded) {
        const listed = (await env.config.getTeammates()).teammates.some((t) => t.id === id);
        calls.push({ target, label, listedWhenRecorded: listed });
        await afterRecorded?.();
        return { jobId: 'teammate-x', deleted: 400, done: false };
      },
    };

    const out = await env.call('teammates/delete', { id });
    expect(out).toEqual({ ok: true, data: { deleted: id, purge: { activities: 400, continuing: true } } });
    expect(calls).toEqual([{ target: { teammateId: id }, label: 'Robin', listedWhenRecorded: true }]);
    expect((await env.config.getTeammates()).teammates.map((t) => t.id)).not.toContain(id);
  });

  it('keeps the teammate when the purge cannot even be recorded', async () => {
    const id = await robin();
    env.deps.purges = {
      list: async () => [],
      start: async () => {
        throw new Error('KVS unavailable');
      },
    };
    const out = await env.call('teammates/delete', { id });
    expect(out.ok).toBe(false);
    expect((await env.config.getTeammates()).teammates.map((t) => t.id)).toContain(id);
  });
});
