import type { DataSource } from '../domain/config';
import { STREAM, STREAM_IDS, type StreamId } from '../domain/stream-id';
import { CONFLUENCE_NOT_CONNECTED } from '../shared/confluence-connection';
import type { ResultError } from '../shared/result';
import { describeError } from '../sources/errors';
import type { StreamCursor, StreamPass } from '../store/cursor-repository';
import type { SyncRun } from '../store/sync-run-repository';
import { closeInvocation, foldIntoRun, openInvocation, type Invocation } from './invocation';
import { finishPass, keepWindow, planPass, planSweep } from './pass-planner';
import { recordError } from './run-record';
import { acquireRunLeases, takeOverActiveRun } from './run-leases';
import { classifyStepFailure } from './step-failure';
import { buildStreamEnv, type Stream, type StreamEnv } from './stream-env';
import { confluenceCommentsStream } from './streams/confluence-comments';
import { confluenceContentStream } from './streams/confluence-content';
import { deletionSweepStream } from './streams/deletion-sweep';
import { jiraIssuesStream } from './streams/jira-issues';
import { jiraWorklogsStream } from './streams/jira-worklogs';
import type { SyncDeps } from './sync-deps';
import { verifyIdentity } from './verify-identity';

const BY_ID: Record<StreamId, Stream> = {
  [STREAM.jiraIssues]: jiraIssuesStream,
  [STREAM.jiraWorklogs]: jiraWorklogsStream,
  [STREAM.confluenceContent]: confluenceContentStream,
  [STREAM.confluenceComments]: confluenceCommentsStream,
  [STREAM.sweep]: deletionSweepStream,
};
/** Every stream, in the order a run reads them. */
const STREAMS: Stream[] = STREAM_IDS.map((id) => BY_ID[id]);

export type InvocationOutcome = 'finished' | 'continue' | 'rate-limited' | 'busy' | 'cancelled';

/** How an invocation ended; `resumeAtMs` when rate limited and the site said until when. */
export interface InvocationResult {
  outcome: InvocationOutcome;
  resumeAtMs?: number;
}

/** How one stream's turn in an invocation ended; `accessLost` when the source must be marked failing. */
interface StreamOutcome {
  outcome: Exclude<InvocationOutcome, 'busy'>;
  accessLost?: ResultError;
  resumeAtMs?: number;
}

type StreamProgress = SyncRun['streams'][string];

/**
 * One invocation's worth of a run on one data source: its streams side by side, each a page at
 * a time, checkpointing after each page, until done or the invocation is nearly over. A stream
 * that fails, is rate limited or runs out of time stops alone: the others go on, and each keeps
 * its own cursor. Requests share the site's gate (`site-gate.ts`), read-modify-writes the
 * invocation's write queue (`serial-queue.ts`).
 */
export async function runDataSourceInvocation(deps: SyncDeps, ds: DataSource, run: SyncRun): Promise<InvocationResult> {
  if (!(await acquireRunLeases(deps, ds.id, run.id))) return { outcome: 'busy' };
  await takeOverActiveRun(deps, ds.id, run);
  const inv = await openInvocation(deps, ds, run);
  run.invocations += 1;

  let ended: StreamOutcome = { outcome: 'finished' };
  try {
    // An anonymous answer to a bad token must not read as "nothing changed": no stream runs.
    const refused = await verifyIdentity(inv);
    ended = refused ?? combineOutcomes(await runStreamsSideBySide(inv));
  } finally {
    await closeInvocation(inv, ended.outcome === 'continue' || ended.outcome === 'rate-limited');
  }
  const { outcome, accessLost, resumeAtMs } = ended;
  if (accessLost) await deps.config.markFailing(ds.id, accessLost);
  else if (outcome === 'finished' && !Object.values(run.streams).some((s) => s.status === 'failed')) await deps.config.clearFailing(ds.id);
  return resumeAtMs === undefined ? { outcome } : { outcome, resumeAtMs };
}

/**
 * A stream that reuses what another read in this invocation (worklogs: the issues' details;
 * comments: their pages) takes its turn once that one's ends, as it did when every stream ran in
 * turn: side by side it would fetch them again, and the calls per sync would grow. It starts
 * only if that turn finished (done, skipped or failed); a stream stopped by time, a rate limit
 * or a cancel leaves it for the next invocation, as before.
 */
const AFTER: Partial<Record<StreamId, StreamId>> = {
  [STREAM.jiraWorklogs]: STREAM.jiraIssues,
  [STREAM.confluenceComments]: STREAM.confluenceContent,
};

/**
 * Every stream's turn, the independent ones side by side (Jira issues, Confluence content,
 * and the sweep, each followed by the stream that reuses its reads). Waits for every turn
 * before it answers, even when one throws, so nothing is still writing when the invocation closes.
 */
async function runStreamsSideBySide(inv: Invocation): Promise<StreamOutcome[]> {
  const turns = new Map<StreamId, Promise<StreamOutcome>>();
  for (const stream of STREAMS) {
    const before = AFTER[stream.id];
    const prior = before && turns.get(before);
    const turn = prior ? prior.then((t): Promise<StreamOutcome> | StreamOutcome => (t.outcome === 'finished' ? runStream(inv, stream) : { outcome: 'finished' })) : runStream(inv, stream);
    turns.set(stream.id, turn);
  }
  const settled = await Promise.allSettled(STREAMS.map((s) => turns.get(s.id)!));
  const thrown = settled.find((r) => r.status === 'rejected');
  if (thrown) throw thrown.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<StreamOutcome>).value);
}

/** Which stream outcome decides the invocation's: a cancel stops the run, a rate limit waits, time up continues. */
const PRECEDENCE: StreamOutcome['outcome'][] = ['cancelled', 'rate-limited', 'continue', 'finished'];

/**
 * How the invocation ended, from its streams' turns: the most pressing outcome; the first lost
 * access (in stream order); when rate limited, the latest time a stream was told it may resume,
 * so the next invocation honours every Retry-After it was given.
 */
function combineOutcomes(turns: StreamOutcome[]): StreamOutcome {
  const outcome = PRECEDENCE.find((o) => turns.some((t) => t.outcome === o)) ?? 'finished';
  const accessLost = turns.find((t) => t.accessLost)?.accessLost;
  const resumes = turns.filter((t) => t.outcome === 'rate-limited' && t.resumeAtMs !== undefined).map((t) => t.resumeAtMs!);
  return {
    outcome,
    ...(accessLost ? { accessLost } : {}),
    ...(outcome === 'rate-limited' && resumes.length ? { resumeAtMs: Math.max(...resumes) } : {}),
  };
}

/**
 * Why a stream has nothing to do in this run, or undefined when it runs. A sweep run (the
 * daily deletion check, started by the scheduled trigger when it is due) does only the sweep,
 * and only once something is stored; every other run does everything but the sweep.
 */
function skipReason(inv: Invocation, stream: Stream): string | undefined {
  // Skipped, not failed: no cursor is read or moved, and the source is not marked failing.
  if (stream.product === 'confluence' && inv.confluenceNotConnected) return CONFLUENCE_NOT_CONNECTED.runNote;
  if (!(stream.product === 'jira' ? inv.clients.jira : inv.clients.confluence)) return 'This data source has no Confluence';
  if (inv.teammates.size === 0) return 'Nobody is mapped on this data source';
  if (inv.run.reason === 'sweep') {
    if (stream.id !== STREAM.sweep) return 'This run only checks for deletions';
    return inv.storeMayHaveData ? undefined : 'Nothing stored yet to check for deletions';
  }
  return stream.id === STREAM.sweep ? 'Deletions are checked by a daily run of their own' : undefined;
}

/** The pass a stream reads in this run: the one in flight, or a new one from its watermark. */
function planStreamPass(inv: Invocation, stream: Stream, cursor: StreamCursor): StreamPass {
  const { deps, run } = inv;
  if (stream.id === STREAM.sweep) return planSweep(cursor, run.id, deps.now());
  return planPass(cursor, {
    runId: run.id,
    nowMs: deps.now(),
    historyDays: inv.historyDays,
    range: run.explicitRange ? run.window : undefined,
    mappingMs: inv.mappingMs,
    lookbackMs: deps.limits.lookbackMs,
    settleMs: deps.limits.settleMs,
  });
}

/** One stream's turn: skipped, or its pass read page by page from where it stood. */
async function runStream(inv: Invocation, stream: Stream): Promise<StreamOutcome> {
  const { deps, ds, run } = inv;
  if (inv.cancelled) return { outcome: 'cancelled' };
  const progress = (run.streams[stream.id] ??= { status: 'pending', pages: 0, activities: 0, deleted: 0 });
  if (progress.status === 'done' || progress.status === 'skipped' || progress.status === 'failed') return { outcome: 'finished' };
  const why = skipReason(inv, stream);
  if (why) {
    Object.assign(progress, { status: 'skipped', note: why });
    return { outcome: 'finished' };
  }
  const cursor = await deps.cursors.get(ds.id, stream.id);
  progress.status = 'running';
  const pass = planStreamPass(inv, stream, cursor);
  const env = buildStreamEnv({
    ds,
    clients: inv.clients,
    teammates: inv.teammates,
    window: keepWindow(pass),
    writer: inv.writer,
    cache: inv.cache,
    storeMayHaveData: inv.storeMayHaveData,
    deps,
  });
  return readPages(inv, stream, env, cursor, pass, progress);
}

/**
 * The page loop: a step, then the cursor saved with the pass's new position and the run
 * checkpointed (lease renewed, cancel checked, progress saved), so the admin page's progress
 * moves page by page and stream by stream. Stops when the pass
 * is done, the invocation's time is up, the run is cancelled or a step fails.
 */
async function readPages(inv: Invocation, stream: Stream, env: StreamEnv, cursor: StreamCursor, pass: StreamPass, progress: StreamProgress): Promise<StreamOutcome> {
  const { deps, ds, writer, timer } = inv;
  // What the cursor said after the last completed page: a step mutates pass.state as it
  // goes, so a step that fails half-way must not have its partial state saved.
  let checkpoint: StreamPass = structuredClone(pass);
  try {
    for (;;) {
      if (inv.cancelled) return { outcome: 'cancelled' };
      if (timer.timeUp()) return { outcome: 'continue' };
      checkpoint = structuredClone(pass);
      const deletedBefore = writer.stats.deleted;
      const res = await timer.measure(() => stream.step(env, pass));
      pass.pages += 1;
      progress.pages += 1;
      progress.activities += res.activities;
      progress.deleted += writer.stats.deleted - deletedBefore;
      if (res.done) {
        await inv.writes.run(() => deps.cursors.save(ds.id, stream.id, finishPass(cursor, pass)));
        progress.status = 'done';
        return (await checkpointRun(inv, stream)) === 'cancelled' ? { outcome: 'cancelled' } : { outcome: 'finished' };
      }
      await inv.writes.run(() => deps.cursors.save(ds.id, stream.id, { ...cursor, pass }));
      if ((await checkpointRun(inv, stream)) === 'cancelled') return { outcome: 'cancelled' };
    }
  } catch (e) {
    return onStepFailure(inv, stream, { cursor, checkpoint, pagesRead: pass.pages }, progress, e);
  }
}

/**
 * Renews the stream's lease, picks up a cancel request, and saves the run's progress. The run
 * record is one document for every stream: its read and write go through the write queue, so
 * two streams' checkpoints never store an older progress over a newer one.
 */
async function checkpointRun(inv: Invocation, stream: Stream): Promise<'cancelled' | undefined> {
  const { deps, ds, run } = inv;
  await deps.leases.renew(ds.id, stream.id, run.id, deps.limits.leaseMs);
  return inv.writes.run(async () => {
    if (inv.cancelled) return 'cancelled';
    const latest = await deps.runs.get(run.id);
    if (latest?.cancelRequested) {
      run.cancelRequested = true;
      // The other streams stop at their next page.
      inv.cancelled = true;
      return 'cancelled';
    }
    foldIntoRun(inv);
    await deps.runs.save(run);
    return undefined;
  });
}

/**
 * A failed step: the cursor goes back to the last completed page (with the error), and the
 * failure decides the stream's status and whether the run goes on.
 */
async function onStepFailure(
  inv: Invocation,
  stream: Stream,
  at: { cursor: StreamCursor; checkpoint: StreamPass; pagesRead: number },
  progress: StreamProgress,
  e: unknown,
): Promise<StreamOutcome> {
  const { deps, ds, run } = inv;
  const lastError = { at: new Date(deps.now()).toISOString(), ...describeError(e) };
  await inv.writes.run(() => deps.cursors.save(ds.id, stream.id, { ...at.cursor, pass: at.checkpoint, lastError }));
  const failure = classifyStepFailure(e, stream, at.pagesRead);
  switch (failure.kind) {
    case 'rate-limited':
      recordError(run, deps.now(), stream.id, failure.error);
      progress.status = 'pending';
      return { outcome: 'rate-limited', ...(failure.resumeAtMs === undefined ? {} : { resumeAtMs: failure.resumeAtMs }) };
    case 'unavailable':
      Object.assign(progress, { status: 'skipped', note: failure.note });
      return { outcome: 'finished' };
    case 'access-lost':
    case 'failed':
      recordError(run, deps.now(), stream.id, failure.error);
      progress.status = 'failed';
      // Access lost: every stored activity is kept, and the source says why it is failing.
      return { outcome: 'finished', ...(failure.kind === 'access-lost' ? { accessLost: failure.error } : {}) };
  }
}
