import type { DataSource } from '../domain/config';
import { BudgetExhaustedError, describeError, isAccessError, isNotFoundError, RateLimitError, UnreachableError } from '../sources/errors';
import { createRequestMeter, type RequestMeter } from '../sources/request-meter';
import { createRateBudget, withRetries, type RateBudget } from '../sources/retrying-client';
import type { SiteClient } from '../sources/site-client';
import type { StreamCursor, StreamPass } from '../store/cursor-repository';
import type { SyncRun } from '../store/sync-run-repository';
import { ActivityWriter } from './activity-writer';
import { finishPass, planPass } from './pass-planner';
import { addCalls, recordError, refreshProgress } from './run-record';
import { createRunCache, type Stream, type StreamEnv } from './stream-env';
import { confluenceCommentsStream } from './streams/confluence-comments';
import { confluenceContentStream } from './streams/confluence-content';
import { jiraIssuesStream } from './streams/jira-issues';
import { jiraWorklogsStream } from './streams/jira-worklogs';
import { deletionSweepStream } from './streams/deletion-sweep';
import { syncSleep } from './clock';
import type { SyncDeps } from './sync-deps';
import { latestMappingMs, teammateAccounts } from './teammate-map';

/**
 * Holding every lease means no other invocation works on this data source: a run still marked
 * running there ended without saying so (its invocation was cut off). Close it in plain words;
 * this run continues from its last checkpoint.
 */
async function takeOverActiveRun(deps: SyncDeps, dataSourceId: string, run: SyncRun): Promise<void> {
  const active = await deps.syncState.activeRun(dataSourceId);
  if (active && active !== run.id) {
    const previous = await deps.runs.get(active);
    if (previous?.status === 'running') {
      recordError(previous, deps.now(), undefined, {
        code: 'INTERNAL',
        message: 'This run stopped before it finished (its invocation ended early); the next run continued from its last checkpoint',
      });
      previous.status = 'failed';
      previous.endedAt = new Date(deps.now()).toISOString();
      await deps.runs.save(previous);
    }
  }
  if (active !== run.id) await deps.syncState.setActiveRun(dataSourceId, run.id);
}

export const STREAMS: Stream[] = [jiraIssuesStream, jiraWorklogsStream, confluenceContentStream, confluenceCommentsStream, deletionSweepStream];

/** The deletion sweep runs on scheduled runs, at most once per interval, when data is stored. */
/** A sweep run does only the sweep; every other run does everything but the sweep. */
function skipReason(stream: Stream, run: SyncRun, storeMayHaveData: boolean): string | undefined {
  if (run.reason === 'sweep') {
    if (stream.id !== 'sweep') return 'This run only checks for deletions';
    return storeMayHaveData ? undefined : 'Nothing stored yet to check for deletions';
  }
  return stream.id === 'sweep' ? 'Deletions are checked by a daily run of their own' : undefined;
}

function planSweep(cursor: StreamCursor, runId: string, nowMs: number): StreamPass {
  if (cursor.pass) return { ...cursor.pass, runId };
  return { runId, querySinceMs: 0, keepSinceMs: 0, untilMs: nowMs, openEnded: true, incremental: true, fullHistory: false, mappingMs: 0, state: {}, pages: 0 };
}

export type InvocationOutcome = 'finished' | 'continue' | 'rate-limited' | 'busy' | 'cancelled';

/**
 * Rate-limit budgets per site (the host and each external site apart), for one invocation of
 * a run. They must not outlive it: a budget kept for the whole process never refills, so a warm
 * process that had seen maxRateLimited 429s in total would stop at every later one.
 */
type Budgets = Map<string, RateBudget>;
function budgetFor(deps: SyncDeps, client: SiteClient, budgets: Budgets): RateBudget {
  const site = client.dataSourceId === 'host' ? 'host' : new URL(client.baseUrl).origin;
  let b = budgets.get(site);
  if (!b) {
    b = createRateBudget(client.dataSourceId === 'host' ? 'This Jira site' : new URL(client.baseUrl).hostname, {
      maxLimited: deps.limits.maxRateLimited,
      maxWaitMs: deps.limits.maxRateWaitMs,
    });
    budgets.set(site, b);
  }
  return b;
}

function wrap(deps: SyncDeps, meter: RequestMeter, budgets: Budgets, client: SiteClient | undefined): SiteClient | undefined {
  if (!client) return undefined;
  return withRetries(client, {
    budget: budgetFor(deps, client, budgets),
    meter,
    sleep: deps.sleep ?? syncSleep,
    random: deps.random,
    now: deps.now,
    remainingMs: () => {
      const left = deps.remainingMs();
      return left === undefined ? undefined : left * 0.85;
    },
  });
}

/**
 * One invocation's worth of a run on one data source: every stream in turn, a page at a time,
 * checkpointing after each page, until done or the invocation is nearly over.
 */
export async function runDataSourceInvocation(deps: SyncDeps, ds: DataSource, run: SyncRun): Promise<InvocationOutcome> {
  const owner = run.id;
  const held: string[] = [];
  for (const s of STREAMS) {
    if (await deps.leases.acquire(ds.id, s.id, owner, deps.limits.leaseMs)) held.push(s.id);
    else {
      for (const h of held) await deps.leases.release(ds.id, h, owner);
      return 'busy';
    }
  }
  await takeOverActiveRun(deps, ds.id, run);

  const meter = createRequestMeter();
  const raw = deps.clientsFor(ds);
  const budgets: Budgets = new Map();
  const clients = { jira: wrap(deps, meter, budgets, raw.jira), confluence: wrap(deps, meter, budgets, raw.confluence) };
  const settings = await deps.config.getSettings();
  const teammatesDoc = await deps.config.getTeammates();
  const teammates = teammateAccounts(teammatesDoc, ds.id);
  const mappingMs = latestMappingMs(teammatesDoc, ds.id);
  const storeMayHaveData = await deps.activities.hasAnyForSource(ds.id);
  const writer = new ActivityWriter(deps.activities, deps.rollups, storeMayHaveData);
  const cache = createRunCache();
  const range = run.explicitRange ? { sinceMs: Date.parse(run.window.since), untilMs: Date.parse(run.window.until) } : undefined;
  // A short invocation keeps a proportional margin, so it still makes progress.
  const atStart = deps.remainingMs();
  const safetyMs = atStart === undefined ? deps.limits.safetyMs : Math.min(deps.limits.safetyMs, atStart * 0.3);
  // A page step on a slow site can take longer than the fixed margin: keep room for twice the
  // slowest step seen so far, so the invocation checkpoints instead of being cut off mid-page.
  let slowestStepMs = 0;
  const timeUp = () => {
    const left = deps.remainingMs();
    return left !== undefined && left < Math.max(safetyMs, 2 * slowestStepMs);
  };
  run.invocations += 1;

  let outcome: InvocationOutcome = 'finished';
  let accessLost: { code: string; message: string } | undefined;
  try {
    for (const stream of STREAMS) {
      const progress = (run.streams[stream.id] ??= { status: 'pending', pages: 0, activities: 0, deleted: 0 });
      if (progress.status === 'done' || progress.status === 'skipped' || progress.status === 'failed') continue;
      const client = stream.product === 'jira' ? clients.jira : clients.confluence;
      if (!client) {
        Object.assign(progress, { status: 'skipped', note: 'This data source has no Confluence' });
        continue;
      }
      if (teammates.size === 0) {
        Object.assign(progress, { status: 'skipped', note: 'Nobody is mapped on this data source' });
        continue;
      }
      const why = skipReason(stream, run, storeMayHaveData);
      if (why) {
        Object.assign(progress, { status: 'skipped', note: why });
        continue;
      }
      const cursor = await deps.cursors.get(ds.id, stream.id);
      progress.status = 'running';
      const pass = stream.id === 'sweep' ? planSweep(cursor, run.id, deps.now()) : planPass(cursor, {
        runId: run.id,
        nowMs: deps.now(),
        historyDays: settings.historyDays,
        range,
        mappingMs,
        lookbackMs: deps.limits.lookbackMs,
        settleMs: deps.limits.settleMs,
      });
      const env: StreamEnv = {
        dataSourceId: ds.id,
        jira: clients.jira,
        confluence: clients.confluence,
        ctx: {
          dataSourceId: ds.id,
          siteUrl: new URL(ds.jiraUrl).origin,
          wikiUrl: (ds.confluenceUrl ?? `${new URL(ds.jiraUrl).origin}/wiki`).replace(/\/+$/, ''),
          teammates,
          window: { sinceMs: pass.keepSinceMs, untilMs: pass.untilMs },
        },
        writer,
        cache,
        storeMayHaveData,
        activities: deps.activities,
        now: deps.now,
      };
      // What the cursor said after the last completed page: a step mutates pass.state as it
      // goes, so a step that fails half-way must not have its partial state saved.
      let checkpoint: StreamPass = structuredClone(pass);
      try {
        for (;;) {
          if (timeUp()) {
            outcome = 'continue';
            break;
          }
          checkpoint = structuredClone(pass);
          const before = writer.stats.deleted;
          // Step time as the invocation's remaining time saw it, not the wall clock: on Forge the
          // two agree, and under an emulated clock the margin follows the time actually charged.
          const leftBefore = deps.remainingMs();
          const res = await stream.step(env, pass);
          const leftAfter = deps.remainingMs();
          if (leftBefore !== undefined && leftAfter !== undefined) slowestStepMs = Math.max(slowestStepMs, leftBefore - leftAfter);
          pass.pages += 1;
          progress.pages += 1;
          progress.activities += res.activities;
          progress.deleted += writer.stats.deleted - before;
          if (res.done) {
            await deps.cursors.save(ds.id, stream.id, finishPass(cursor, pass));
            progress.status = 'done';
            break;
          }
          await deps.cursors.save(ds.id, stream.id, { ...cursor, pass });
          if (pass.pages % 5 === 0) {
            await deps.leases.renew(ds.id, stream.id, owner, deps.limits.leaseMs);
            const latest = await deps.runs.get(run.id);
            if (latest?.cancelRequested) {
              run.cancelRequested = true;
              outcome = 'cancelled';
              break;
            }
            refreshProgress(run, deps.now());
            addCalls(run, meter);
            await deps.runs.save(run);
            Object.assign(meter, createRequestMeter());
          }
        }
      } catch (e) {
        await deps.cursors.save(ds.id, stream.id, { ...cursor, pass: checkpoint, lastError: { at: new Date(deps.now()).toISOString(), ...describeError(e) } });
        if (e instanceof BudgetExhaustedError || e instanceof RateLimitError) {
          recordError(run, deps.now(), stream.id, describeError(e));
          progress.status = 'pending';
          outcome = 'rate-limited';
        } else if (stream.product === 'confluence' && isNotFoundError(e) && pass.pages === 0) {
          Object.assign(progress, { status: 'skipped', note: 'Confluence is not available on this site' });
        } else {
          const d = describeError(e);
          recordError(run, deps.now(), stream.id, d);
          progress.status = 'failed';
          // A revoked token or a site that is gone: keep every stored activity, say why.
          if (isAccessError(e) || e instanceof UnreachableError) accessLost = d;
        }
      }
      if (outcome !== 'finished') break;
    }
  } finally {
    await writer.finish();
    for (const bk of Object.keys(writer.stats.upserted)) run.byKind[bk] = (run.byKind[bk] ?? 0) + writer.stats.upserted[bk];
    run.deleted += writer.stats.deleted;
    addCalls(run, meter);
    refreshProgress(run, deps.now());
    if (outcome === 'finished' || outcome === 'cancelled') for (const s of STREAMS) await deps.leases.release(ds.id, s.id, owner);
  }
  if (accessLost) await deps.config.markFailing(ds.id, accessLost);
  else if (outcome === 'finished' && !Object.values(run.streams).some((s) => s.status === 'failed')) await deps.config.clearFailing(ds.id);
  return outcome;
}
