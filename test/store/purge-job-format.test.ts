import { createPurgeJobRepository } from '../../src/store/purge-job-repository';
import { KEY } from '../../src/store/keys';
import { createMemoryKvs } from '../admin/helpers/memory-kvs';

/** Purge jobs moved to format 2 for the identity target; format 1 jobs read as before. */
describe('purge job formats', () => {
  const body = { label: 'Robin', requestedAt: 1, weeks: ['2026-11-02'], deleted: 3, passes: 1, lastPassAt: 2, status: 'running' as const };

  it('reads a format 1 job as written by the previous version', async () => {
    const kvs = createMemoryKvs();
    await kvs.set(KEY.purgeJob('teammate-tm-1'), { v: 1, id: 'teammate-tm-1', target: { teammateId: 'tm-1' }, ...body });
    const jobs = createPurgeJobRepository(kvs);
    expect(await jobs.get('teammate-tm-1')).toEqual({ id: 'teammate-tm-1', target: { teammateId: 'tm-1' }, ...body });
  });

  it('writes an identity job in format 2 and reads it back; format 1 never held one', async () => {
    const kvs = createMemoryKvs();
    const jobs = createPurgeJobRepository(kvs);
    const job = { id: 'identity-tm-1-acc-9', target: { teammateId: 'tm-1', accountId: 'acc-9' }, ...body };
    await jobs.save(job);
    expect(await kvs.get(KEY.purgeJob(job.id))).toMatchObject({ v: 2, target: { teammateId: 'tm-1', accountId: 'acc-9' } });
    expect(await jobs.get(job.id)).toEqual(job);
    await kvs.set(KEY.purgeJob('odd'), { v: 1, id: 'odd', target: { teammateId: 'tm-1', accountId: 'acc-9' }, ...body });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await jobs.get('odd')).toBeUndefined();
    warn.mockRestore();
  });
});
