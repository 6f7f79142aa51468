import { createHash } from 'node:crypto';
import type { KvsPort } from '../../src/store/kvs-port';

/**
 * A deterministic scheduler for a few actors (writers, recounts, purges) that share one KVS.
 * Every KVS call an actor makes passes a gate; consecutive calls of the same class are one
 * step (a run of reads, the activity writes of one batch), a change of class starts the next
 * step. At each step boundary the scheduler picks which actor moves, from a recorded list of
 * choices, so a depth-first search over choice lists visits every interleaving of the steps.
 * After each step that wrote, the search may also cut that actor off: it never runs again, as
 * a Forge invocation frozen at its deadline (cutting it later would end in the same state).
 *
 * Two interleavings that reach the same state (the same stored data, the same clock, and every
 * actor having seen the same answers, so its code stands at the same place with the same local
 * values) have the same futures: the search explores such a state once. That merges orders of
 * steps that commute and keeps the search exhaustive at a few thousand runs.
 */
export type StepClass = 'read' | 'mark' | 'unmark' | 'activities' | 'rollup' | 'other';

export interface Actor {
  name: string;
  /** May this actor be cut off after a step? */
  cuttable: boolean;
  run(kvs: KvsPort): Promise<void>;
}

export interface Decision {
  chosen: number;
  options: number;
  label: string;
}

export interface RunResult {
  decisions: Decision[];
  trace: string[];
  errors: string[];
  /** The run reached a state an earlier run had already explored, and stopped there. */
  pruned: boolean;
}

export interface SearchState {
  /** States already explored, by fingerprint. */
  visited: Set<string>;
  /** A fingerprint of everything shared: the stored data and the clock. */
  shared(): string;
}

/** Which step class a KVS call belongs to, from its method and the keys it names. */
export type Classify = (method: keyof KvsPort, args: unknown[]) => StepClass;

interface ActorState {
  actor: Actor;
  state: 'running' | 'blocked' | 'done' | 'cut';
  stepClass?: StepClass;
  pendingClass?: StepClass;
  waiters: (() => void)[];
  steps: number;
  /** Every call and its answer, in order: with the code, this fixes the actor's local state. */
  seen: string[];
}

const READS = new Set<keyof KvsPort>(['get', 'queryPrefix', 'getSecret', 'entityGet', 'entityQuery', 'batchGet']);

const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs the actors once, following `prefix` and then always the first option. */
export async function runInterleaving(
  shared: KvsPort,
  actors: Actor[],
  prefix: number[],
  classify: Classify,
  opts: { onStep?: () => void; search?: SearchState } = {},
): Promise<RunResult> {
  const states: ActorState[] = actors.map((actor) => ({ actor, state: 'running', waiters: [], steps: 0, seen: [] }));
  const decisions: Decision[] = [];
  const trace: string[] = [];
  const errors: string[] = [];

  const choose = (options: number, label: string): number => {
    const i = decisions.length;
    const chosen = i < prefix.length ? prefix[i] : 0;
    if (chosen >= options) throw new Error(`replay diverged at decision ${i} (${label}): ${chosen} of ${options}`);
    decisions.push({ chosen, options, label });
    return chosen;
  };

  const gated = (s: ActorState): KvsPort =>
    new Proxy(shared, {
      get(target, prop: keyof KvsPort) {
        const fn = target[prop] as (...a: unknown[]) => Promise<unknown>;
        return async (...args: unknown[]) => {
          const cls = READS.has(prop) ? 'read' : classify(prop, args);
          if (s.stepClass !== cls) {
            // A new step: wait until the scheduler lets this actor move.
            s.pendingClass = cls;
            s.state = 'blocked';
            await new Promise<void>((resolve) => s.waiters.push(resolve));
          }
          try {
            const out = await fn.apply(target, args);
            s.seen.push(`${String(prop)} ${JSON.stringify(args)} -> ${JSON.stringify(out)}`);
            return out;
          } catch (e) {
            s.seen.push(`${String(prop)} ${JSON.stringify(args)} -> ! ${e instanceof Error ? e.name : String(e)}`);
            throw e;
          }
        };
      },
    });

  const runs = states.map((s) =>
    s.actor.run(gated(s)).then(
      () => {
        s.state = 'done';
      },
      (e: unknown) => {
        s.state = 'done';
        errors.push(`${s.actor.name}: ${e instanceof Error ? e.message : String(e)}`);
      },
    ),
  );
  void runs;

  const fingerprint = () =>
    createHash('sha1')
      .update(opts.search!.shared())
      .update(JSON.stringify(states.map((s) => (s.state === 'done' || s.state === 'cut' ? 'over' : [s.state, s.pendingClass, s.seen]))))
      .digest('base64');

  await flush();
  for (;;) {
    const enabled = states.filter((s) => s.state === 'blocked');
    if (enabled.length === 0) {
      if (!states.some((s) => s.state === 'running')) break;
      await flush();
      continue;
    }
    if (opts.search && decisions.length >= prefix.length) {
      const f = fingerprint();
      if (opts.search.visited.has(f)) return { decisions, trace, errors, pruned: true };
      opts.search.visited.add(f);
    }
    const pick = enabled[enabled.length === 1 ? 0 : choose(enabled.length, 'who moves')];
    pick.steps += 1;
    pick.stepClass = pick.pendingClass;
    pick.state = 'running';
    trace.push(`${pick.actor.name}:${pick.stepClass}`);
    opts.onStep?.();
    const go = pick.waiters.splice(0);
    for (const w of go) w();
    // Everything runs in memory: one turn of the event loop lets the step run to its next gate.
    await flush();
    // A step that only read changed nothing shared: a cut after it ends like a cut before it.
    if (pick.actor.cuttable && pick.stepClass !== 'read' && (pick.state as ActorState['state']) === 'blocked' && choose(2, `cut ${pick.actor.name}`) === 1) {
      pick.state = 'cut';
      trace.push(`${pick.actor.name}:CUT`);
    }
  }
  return { decisions, trace, errors, pruned: false };
}

/** Every choice list, depth first: calls `runOne` with each and stops when all are visited. */
export async function exploreAll(runOne: (prefix: number[]) => Promise<RunResult>, onRun: (r: RunResult) => void, maxRuns = 2_000_000): Promise<number> {
  let prefix: number[] = [];
  let count = 0;
  for (;;) {
    const r = await runOne(prefix);
    count += 1;
    onRun(r);
    if (count >= maxRuns) throw new Error(`more than ${maxRuns} interleavings: the model is too large`);
    let i = r.decisions.length - 1;
    while (i >= 0 && r.decisions[i].chosen + 1 >= r.decisions[i].options) i--;
    if (i < 0) return count;
    prefix = [...r.decisions.slice(0, i).map((d) => d.chosen), r.decisions[i].chosen + 1];
  }
}
