import { randomUUID } from 'node:crypto';
import { z } from 'zod';

export interface QueuedEvent {
  seq: number;
  queueName: string;
  jobId: string;
  eventId: string;
  body: Record<string, unknown>;
  delayInSeconds?: number;
  concurrency?: { key: string; limit: number };
  /** Virtual epoch ms at which the event becomes due. */
  dueAt: number;
  retryCount: number;
  retryReason?: string;
  retryData?: unknown;
  firstAttemptAt?: number;
}

interface JobStats {
  queueName: string;
  success: number;
  failed: number;
  inProgress: number;
}

const publishSchema = z.object({
  queueName: z.string().regex(/^[a-zA-Z0-9-_]+$/),
  jobId: z.string().min(1),
  payload: z.array(z.object({
    body: z.record(z.string(), z.unknown()),
    delayInSeconds: z.number().min(0).max(900).optional(),
    concurrency: z.object({ key: z.string(), limit: z.number() }).optional(),
  })).min(1).max(50),
}).loose();
const jobSchema = z.object({ queueName: z.string(), jobId: z.string().min(1) }).loose();

/**
 * The async-events queue: Queue.push() lands here (via the stargate publish call) and
 * drainQueue() takes events out in due order. Time is virtual: delivering an event that is
 * not yet due moves the queue clock forward instead of sleeping.
 */
export class EventQueue {
  private pending: QueuedEvent[] = [];
  private jobs = new Map<string, JobStats>();
  private seq = 0;
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  publish(raw: unknown): Response {
    const p = publishSchema.safeParse(raw);
    if (!p.success) return json(400, { message: `Invalid publish request: ${p.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` });
    const now = this.now();
    const job = this.jobs.get(p.data.jobId) ?? { queueName: p.data.queueName, success: 0, failed: 0, inProgress: 0 };
    for (const ev of p.data.payload) {
      this.pending.push({
        seq: this.seq++,
        queueName: p.data.queueName,
        jobId: p.data.jobId,
        eventId: randomUUID(),
        body: ev.body,
        delayInSeconds: ev.delayInSeconds,
        concurrency: ev.concurrency,
        dueAt: now + (ev.delayInSeconds ?? 0) * 1000,
        retryCount: 0,
      });
      job.inProgress += 1;
    }
    this.jobs.set(p.data.jobId, job);
    // @forge/events accepts exactly 201 and does not read the body.
    return json(201, {});
  }

  stats(raw: unknown): Response {
    const job = this.job(raw);
    if (!job) return json(404, { message: 'Job not found' });
    return json(200, { success: job.success, inProgress: job.inProgress, failed: job.failed });
  }

  cancel(raw: unknown): Response {
    const p = jobSchema.safeParse(raw);
    const job = this.job(raw);
    if (!p.success || !job) return json(404, { message: 'Job not found' });
    const dropped = this.pending.filter((e) => e.jobId === p.data.jobId);
    this.pending = this.pending.filter((e) => e.jobId !== p.data.jobId);
    job.inProgress -= dropped.length;
    return new Response(null, { status: 204 });
  }

  /** The next event in due order; with `onlyDue`, none if the earliest is still in the future. */
  take(onlyDue: boolean): QueuedEvent | undefined {
    if (this.pending.length === 0) return undefined;
    let best = 0;
    for (let i = 1; i < this.pending.length; i++) {
      const a = this.pending[i];
      const b = this.pending[best];
      if (a.dueAt < b.dueAt || (a.dueAt === b.dueAt && a.seq < b.seq)) best = i;
    }
    const ev = this.pending[best];
    const now = this.now();
    if (ev.dueAt > now) {
      if (onlyDue) return undefined;
      this.offsetMs += ev.dueAt - now;
    }
    this.pending.splice(best, 1);
    ev.firstAttemptAt ??= this.now();
    return ev;
  }

  retry(ev: QueuedEvent, afterSec: number, reason: string, data: unknown): void {
    this.pending.push({ ...ev, seq: this.seq++, dueAt: this.now() + afterSec * 1000, retryCount: ev.retryCount + 1, retryReason: reason, retryData: data });
  }

  finish(ev: QueuedEvent, ok: boolean): void {
    const job = this.jobs.get(ev.jobId);
    if (!job) return;
    job.inProgress -= 1;
    if (ok) job.success += 1;
    else job.failed += 1;
  }

  /** Moves the virtual clock (e.g. to make delayed events due for `onlyDue` draining). */
  advance(ms: number): void {
    this.offsetMs += Math.max(0, ms);
  }

  get size(): number {
    return this.pending.length;
  }

  peek(): readonly QueuedEvent[] {
    return [...this.pending].sort((a, b) => a.dueAt - b.dueAt || a.seq - b.seq);
  }

  clear(): void {
    this.pending = [];
    this.jobs.clear();
    this.offsetMs = 0;
  }

  private job(raw: unknown): JobStats | undefined {
    const p = jobSchema.safeParse(raw);
    if (!p.success) return undefined;
    const job = this.jobs.get(p.data.jobId);
    return job && job.queueName === p.data.queueName ? job : undefined;
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
