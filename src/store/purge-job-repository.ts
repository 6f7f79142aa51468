import { z } from 'zod';
import { KEY } from './keys';
import type { KvsPort } from './kvs-port';
import { decodeOrReport, defineFormat, zodReader } from './stored-format';

const teammateTarget = z.object({ teammateId: z.string().min(1) }).strict();
const sourceTarget = z.object({ dataSourceId: z.string().min(1) }).strict();
const accountTarget = z.object({ accountId: z.string().min(1) }).strict();
/**
 * What one account contributed to one teammate, once the teammate no longer has that identity:
 * the rows of that teammate by that account, on the sources where the account is no longer
 * theirs when a pass runs (src/privacy/purge-activities.ts).
 */
const identityTarget = z.object({ teammateId: z.string().min(1), accountId: z.string().min(1) }).strict();

/** Whose activities a purge deletes (one index partition each). */
export const purgeTargetSchema = z.union([teammateTarget, sourceTarget, accountTarget, identityTarget]);
export type PurgeTarget = z.infer<typeof purgeTargetSchema>;
export type IdentityTarget = z.infer<typeof identityTarget>;

export function isIdentityTarget(t: PurgeTarget): t is IdentityTarget {
  return 'teammateId' in t && 'accountId' in t;
}

const jobSchema = <T extends z.ZodTypeAny>(target: T) =>
  z.object({
    id: z.string().min(1),
    target,
    /** What the admin removed, for the admin page ("Robin's activities"). */
    label: z.string(),
    requestedAt: z.number(),
    /** Every week a pass took activities out of: each pass recounts them all. */
    weeks: z.array(z.string()),
    deleted: z.number().int().nonnegative(),
    passes: z.number().int().nonnegative(),
    lastPassAt: z.number(),
    /** `running`: activities remain; `settling`: all gone, one last pass is due later. */
    status: z.enum(['running', 'settling']),
  });

export const purgeJobSchema = jobSchema(purgeTargetSchema);
export type PurgeJob = z.infer<typeof purgeJobSchema>;

/** Format 1: teammate, data source or account targets; 2 (today) adds the identity target. */
const jobFormat = defineFormat<PurgeJob>({
  readers: {
    1: zodReader(jobSchema(z.union([teammateTarget, sourceTarget, accountTarget])), (j) => j),
    2: zodReader(purgeJobSchema, (j) => j),
  },
  write: (j) => purgeJobSchema.parse(j),
});

/** One stable id per target: removing the same thing twice continues one job. */
export function purgeJobId(target: PurgeTarget): string {
  if (isIdentityTarget(target)) return `identity-${target.teammateId}-${target.accountId}`;
  if ('teammateId' in target) return `teammate-${target.teammateId}`;
  if ('dataSourceId' in target) return `source-${target.dataSourceId}`;
  return `account-${target.accountId}`;
}

/**
 * Purges in progress, kept until they are finished for good, so a purge cut short resumes from
 * the queue or, failing that, from the scheduled trigger. A malformed record is dropped from
 * lists (and reported), never guessed at.
 */
export function createPurgeJobRepository(kvs: KvsPort) {
  return {
    async get(id: string): Promise<PurgeJob | undefined> {
      const key = KEY.purgeJob(id);
      const raw = await kvs.get<unknown>(key);
      return raw === undefined ? undefined : decodeOrReport(jobFormat, raw, key, 'read as absent');
    },
    save: (job: PurgeJob) => kvs.set(KEY.purgeJob(job.id), jobFormat.encode(job)),
    delete: (id: string) => kvs.delete(KEY.purgeJob(id)),
    async list(): Promise<{ jobs: PurgeJob[]; malformed: string[] }> {
      const jobs: PurgeJob[] = [];
      const malformed: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await kvs.queryPrefix<unknown>(KEY.purgeJobPrefix, cursor, 20);
        for (const r of page.results) {
          const job = decodeOrReport(jobFormat, r.value, r.key, 'left out of the list');
          if (job) jobs.push(job);
          else malformed.push(r.key);
        }
        cursor = page.nextCursor;
      } while (cursor);
      return { jobs, malformed };
    },
  };
}

export type PurgeJobRepository = ReturnType<typeof createPurgeJobRepository>;
