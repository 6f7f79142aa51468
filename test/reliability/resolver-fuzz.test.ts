import fc from 'fast-check';
import { InvocationFailedError, type LocalPlatform } from '../../local/platform';
import { ADMIN_KEYS } from '../../src/shared/admin-contract';
import { DASHBOARD_KEYS } from '../../src/shared/dashboard-contract';
import { gadgetContract } from '../../src/shared/gadget-contract';
import { ERROR_CODES, resultErrorSchema } from '../../src/shared/result';
import { Figures } from './helpers/figures';
import { payloadArbitrary } from './helpers/fuzz-payloads';
import { modules } from './helpers/valid-payloads';
import { installScaledTime, mustAdmin, syncedSmallWorld } from './helpers/world';

/**
 * Every resolver key of every module (enumerated from the contracts) is fuzzed with generated
 * payloads: each must answer a structured error (code + message) or an ok result that matches
 * the contract, never throw, and a rejected payload must leave KVS exactly as it was.
 * AP_FUZZ_PAYLOADS sets the total (default 10,000).
 */
const TOTAL = Number(process.env.AP_FUZZ_PAYLOADS ?? 10_000);
const SEED = Number(process.env.AP_FUZZ_SEED ?? 4242);

const READ_OPS = /get|query|list/;
const figures = new Figures('resolver fuzzing');

describe('resolver fuzzing: every key of every module', () => {
  const clock = installScaledTime({ scaledLimits: false });
  let p: LocalPlatform;
  let admin: string;

  beforeAll(async () => {
    ({ p, admin } = await syncedSmallWorld(41, clock, { prepare: (world, by) => mustAdmin(world, by, 'teams/save', { name: 'Core' }) }));
  }, 120_000);

  afterAll(async () => {
    await p?.close();
    clock.restore();
    figures.print();
  });

  it('covers exactly the keys the contracts declare', () => {
    expect(Object.keys(modules.admin.valid).sort()).toEqual([...ADMIN_KEYS].sort());
    expect(Object.keys(modules.dashboard.valid).sort()).toEqual([...DASHBOARD_KEYS].sort());
    expect(Object.keys(modules.gadget.valid).sort()).toEqual(Object.keys(gadgetContract).sort());
  });

  it(`answers ${TOTAL} generated payloads with a Result and changes nothing when it rejects`, async () => {
    const keys = Object.entries(modules).flatMap(([name, m]) => Object.keys(m.valid).map((k) => ({ name, m, key: k })));
    const perKey = Math.ceil(TOTAL / keys.length);
    const baseline = p.kvs.store.snapshot();
    const baselineText = JSON.stringify(p.kvs.dump());
    const counts = { payloads: 0, ok: 0, rejected: 0, thrown: 0, badEnvelope: 0, stateChangedOnReject: 0 };
    const byCode: Record<string, number> = {};
    const problems: string[] = [];
    const started = performance.now();

    for (const [i, { name, m, key }] of keys.entries()) {
      const payloads = fc.sample(payloadArbitrary(m.valid[key]), { numRuns: perKey, seed: SEED + i });
      // The valid payload itself too: the fuzzing must be able to reach the ok path.
      payloads.unshift(structuredClone(m.valid[key]));
      for (const payload of payloads) {
        counts.payloads += 1;
        const writesBefore = writeCount(p);
        let out: unknown;
        try {
          out = await p.runtime.invokeResolver(m.fn, key, payload, { accountId: admin, extension: { type: name === 'admin' ? 'jira:adminPage' : name === 'gadget' ? 'jira:dashboardGadget' : 'jira:globalPage' } });
        } catch (e) {
          counts.thrown += 1;
          if (problems.length < 10) problems.push(`${key} threw ${e instanceof InvocationFailedError ? e.message : String(e)} for ${preview(payload)}`);
          continue;
        }
        const env = out as { ok?: unknown; data?: unknown; error?: unknown };
        const changed = writeCount(p) !== writesBefore && JSON.stringify(p.kvs.dump()) !== baselineText;
        if (env?.ok === true && m.contract[key].result.safeParse(env.data).success) {
          counts.ok += 1;
        } else if (env?.ok === false && resultErrorSchema.safeParse(env.error).success && isPlainMessage((env.error as { message: string }).message)) {
          counts.rejected += 1;
          const code = (env.error as { code: string }).code;
          byCode[code] = (byCode[code] ?? 0) + 1;
          // Bad input deserves a specific answer: an internal error means something threw inside.
          if (code === 'INTERNAL' && problems.length < 10) problems.push(`${key}: internal error "${(env.error as { message: string }).message}" for ${preview(payload)}`);
          if (changed) {
            counts.stateChangedOnReject += 1;
            if (problems.length < 10) problems.push(`${key} rejected (${code}) but changed KVS for ${preview(payload)}`);
          }
        } else {
          counts.badEnvelope += 1;
          if (problems.length < 10) problems.push(`${key} answered outside the contract: ${preview(out)} for ${preview(payload)}`);
        }
        // Accepted changes are undone so every payload meets the same state.
        if (changed) p.kvs.store.restore(baseline);
      }
    }
    const probe = {} as Record<string, unknown>;
    const polluted = probe.polluted !== undefined || probe.isAdmin !== undefined;

    figures
      .add('resolver keys fuzzed', `${keys.length} (admin ${Object.keys(modules.admin.valid).length}, dashboard ${Object.keys(modules.dashboard.valid).length}, gadget ${Object.keys(modules.gadget.valid).length})`)
      .add('payloads', counts.payloads)
      .add('ok results matching the contract', counts.ok)
      .add('structured errors', counts.rejected)
      .add('errors by code', byCode)
      .add('uncaught exceptions', counts.thrown)
      .add('answers outside the contract', counts.badEnvelope)
      .add('rejections that changed KVS', counts.stateChangedOnReject)
      .add('Object.prototype polluted', polluted)
      .add('wall time', `${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(problems).toEqual([]);
    expect(counts.payloads).toBeGreaterThanOrEqual(TOTAL);
    expect(counts.thrown + counts.badEnvelope + counts.stateChangedOnReject).toBe(0);
    expect(polluted).toBe(false);
    expect(Object.keys(byCode).every((c) => (ERROR_CODES as readonly string[]).includes(c))).toBe(true);
  }, 20 * 60_000);
});

function writeCount(p: LocalPlatform): number {
  return Object.entries(p.kvs.stats.calls).filter(([op]) => !READ_OPS.test(op)).reduce((s, [, n]) => s + n, 0);
}

/** A message for people: not empty, no stack trace, no source paths. */
function isPlainMessage(m: string): boolean {
  return m.trim().length > 0 && !/\n\s+at\s|\.ts:\d+|node_modules/.test(m);
}

function preview(v: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x)) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > 300 ? `${s.slice(0, 300)}…` : s;
}
