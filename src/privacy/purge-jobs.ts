import { MARK_EXPIRY_MS } from '../store/rollup-repository';
import { isIdentityTarget, purgeJobId, type PurgeJob, type PurgeJobRepository, type PurgeTarget } from '../store/purge-job-repository';
import { purgeActivities, type PurgeDeps } from './purge-activities';

export interface PurgeJobDeps extends PurgeDeps {
  jobs: PurgeJobRepository;
  /** Queues the next pass of a job; absent where there is no queue (then the scheduled trigger resumes it). */
  enqueue?(body: { purgeJobId: string }, delaySec: number): Promise<void>;
  /** Time left in this invocation (ms), undefined when unbounded. */
  remainingMs(): number | undefined;
  now(): number;
  /**
   * The accounts a teammate has today, per data source (from the teammate list): an identity
   * purge keeps what an identity given back contributed. Absent: every row of the identity goes.
   */
  accountsOf?(teammateId: string): Promise<(dataSourceId: string) => ReadonlySet<string>>;
}

export interface PurgeProgress {
  jobId: string;
  /** Activities deleted by this call. */
  deleted: number;
  /** False when activities remain: the queue continues the job by itself. */
  done: boolean;
}

/**
 * Purges that finish by themselves. A job is recorded before anything is deleted, and each pass
 * deletes what fits in its invocation, recounts every week the job emptied so far, and queues
 * the next pass when activities remain. The scheduled trigger resumes a job whose queued pass
 * was lost, and runs one last pass once no invocation that started before the request can
 * still be writing (a sync that read the teammate list before the removal, say), then forgets
 * the job.
 */
export function createPurgeJobs(deps: PurgeJobDeps) {
  async function pass(job: PurgeJob): Promise<{ job: PurgeJob; progress: PurgeProgress }> {
    const target = job.target;
    const mappedAgain = isIdentityTarget(target) && deps.accountsOf ? await deps.accountsOf(target.teammateId) : undefined;
    const res = await purgeActivities(deps, target, {
      remainingMs: deps.remainingMs,
      earlierWeeks: job.weeks,
      ...(mappedAgain && isIdentityTarget(target) ? { mappedAgain: (ds: string) => mappedAgain(ds).has(target.accountId) } : {}),
    });
    const next: PurgeJob = {
      ...job,
      // Once recounted, the weeks are exact: earlier passes have ended and their writes landed.
      weeks: res.recounted ? [] : [...new Set([...job.weeks, ...res.touchedWeeks])].sort(),
      deleted: job.deleted + res.activities,
      passes: job.passes + 1,
      lastPassAt: deps.now(),
      status: res.done && res.recounted ? 'settling' : 'running',
    };
    await deps.jobs.save(next);
    if (next.status === 'running') await deps.enqueue?.({ purgeJobId: job.id }, 0);
    return { job: next, progress: { jobId: job.id, deleted: res.activities, done: next.status === 'settling' } };
  }

  return {
    /**
     * Records the purge of a target, runs `afterRecorded` (e.g. take the teammate off the list:
     * from then on only the job knows what to delete), then a first pass within this invocation.
     */
    async start(target: PurgeTarget, label: string, afterRecorded?: () => Promise<void>): Promise<PurgeProgress> {
      const id = purgeJobId(target);
      const nowMs = deps.now();
      const existing = await deps.jobs.get(id);
      const job: PurgeJob = existing
        ? { ...existing, label, requestedAt: nowMs, status: 'running' }
        : { id, target, label, requestedAt: nowMs, weeks: [], deleted: 0, passes: 0, lastPassAt: nowMs, status: 'running' };
      await deps.jobs.save(job);
      await afterRecorded?.();
      return (await pass(job)).progress;
    },

    /** The queue consumer's work: the next pass of a job (nothing when it is settled or gone). */
    async continue(jobId: string): Promise<PurgeProgress | undefined> {
      const job = await deps.jobs.get(jobId);
      if (!job || job.status !== 'running') return undefined;
      return (await pass(job)).progress;
    },

    /** Purges still under way, for the admin page. */
    async list(): Promise<PurgeJob[]> {
      return (await deps.jobs.list()).jobs;
    },

    /**
     * From the scheduled trigger: resumes a job whose queued pass never came, and finishes
     * jobs whose last pass is due. Returns the ids of the jobs it forgot.
     */
    async resumeDue(): Promise<string[]> {
      const finished: string[] = [];
      for (const job of (await deps.jobs.list()).jobs) {
        const nowMs = deps.now();
        if (job.status === 'running' && nowMs - job.lastPassAt > MARK_EXPIRY_MS) {
          await pass(job);
        } else if (job.status === 'settling' && nowMs - job.requestedAt > MARK_EXPIRY_MS) {
          const { job: after, progress } = await pass(job);
          if (progress.done && after.status === 'settling') {
            await deps.jobs.delete(job.id);
            finished.push(job.id);
          }
        }
      }
      return finished;
    },
  };
}

export type PurgeJobs = ReturnType<typeof createPurgeJobs>;
