import { z } from 'zod';
import { accessLostSchema, ACCESS_LOST_LIMIT, type AccessLost } from '../../domain/deletion-evidence';
import { STREAM } from '../../domain/stream-id';
import type { Stream, StreamEnv } from '../stream-env';
import { sweepConfluenceSlice } from './sweep-confluence';
import { sweepJiraSlice } from './sweep-jira';
import type { SweepFindings } from './sweep-findings';

/** Stored activities read per step: whole seconds, so a step may read a few more. */
export const SWEEP_SLICE_ROWS = 500;

/**
 * The sweep's page state, kept in its cursor between steps: a position in time (the stored
 * activities are walked oldest first) and the containers found unreadable so far. Its size does
 * not grow with the store: the position is one number and at most ACCESS_LOST_LIMIT containers
 * are named. A state of an older layout (the whole to-do list of ids) parses as a fresh start.
 */
const sweepStateSchema = z.object({
  fromSec: z.number().int().min(0).catch(0),
  lost: z.array(accessLostSchema).max(ACCESS_LOST_LIMIT).catch([]),
  moreLost: z.number().int().min(0).catch(0),
});
type SweepState = z.infer<typeof sweepStateSchema>;

function readState(raw: Record<string, unknown>): SweepState {
  return sweepStateSchema.parse({ fromSec: raw.fromSec ?? 0, lost: raw.lost ?? [], moreLost: raw.moreLost ?? 0 });
}

function writeState(raw: Record<string, unknown>, state: SweepState): void {
  for (const k of Object.keys(raw)) delete raw[k];
  Object.assign(raw, state);
}

function addLost(state: SweepState, found: AccessLost[]): void {
  for (const c of found) {
    if (state.lost.some((x) => x.type === c.type && x.id === c.id)) continue;
    if (state.lost.length < ACCESS_LOST_LIMIT) state.lost.push(c);
    else state.moreLost++;
  }
}

/**
 * Finds what was deleted on the site but not announced (Confluence trash/delete events need a
 * write scope; Jira deletions may happen while events are lost). Every stored activity is walked
 * a slice at a time; the issues, pages and comments of a slice are checked in bulk and whatever
 * the site no longer returns is judged by src/domain/deletion-evidence.ts: deleted only on
 * positive evidence, otherwise kept and its project or space reported as "access lost" on the
 * data source when the pass ends.
 */
export const deletionSweepStream: Stream = {
  id: STREAM.sweep,
  product: 'jira',
  async step(env, pass) {
    return { done: await sweepStep(env, pass.state), activities: 0 };
  },
};

async function sweepStep(env: StreamEnv, raw: Record<string, unknown>): Promise<boolean> {
  const state = readState(raw);
  const slice = await env.activities.sliceBySource(env.dataSourceId, state.fromSec, SWEEP_SLICE_ROWS);
  const found: SweepFindings = { deletes: [], lost: [] };
  await sweepJiraSlice(env, slice.activities, found);
  await sweepConfluenceSlice(env, slice.activities, found);
  await env.writer.apply([], found.deletes);
  addLost(state, found.lost);
  if (slice.nextFromSec === undefined) {
    await env.reportAccessLost(state.lost, state.moreLost);
    writeState(raw, { fromSec: 0, lost: [], moreLost: 0 });
    return true;
  }
  writeState(raw, { ...state, fromSec: slice.nextFromSec });
  return false;
}
