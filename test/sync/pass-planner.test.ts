import { DAY_MS } from '../../src/domain/time-window';
import { finishPass, planPass, type PlanInput } from '../../src/sync/pass-planner';

const NOW = Date.parse('2026-11-25T12:00:00.000Z');
const base: PlanInput = { runId: 'r2', nowMs: NOW, historyDays: 90, mappingMs: 1000, lookbackMs: 15 * 60_000, settleMs: 60_000 };

describe('pass planner', () => {
  it('reads the whole history window on the first run, closed before the settle minute', () => {
    const p = planPass({ v: 1 }, base);
    expect(p).toMatchObject({ querySinceMs: NOW - 90 * DAY_MS, keepSinceMs: NOW - 90 * DAY_MS, untilMs: NOW - 60_000, fullHistory: true, incremental: true, openEnded: false });
  });

  it('continues from the watermark minus the lookback afterwards, keeping the history window', () => {
    const p = planPass({ v: 1, watermarkMs: NOW - 3_600_000, mappingSeenMs: 1000 }, base);
    expect(p.querySinceMs).toBe(NOW - 3_600_000 - 15 * 60_000);
    expect(p.keepSinceMs).toBe(NOW - 90 * DAY_MS);
    expect(p.fullHistory).toBe(false);
  });

  it('re-reads the history window when a teammate was mapped after the last full read', () => {
    const p = planPass({ v: 1, watermarkMs: NOW - 3_600_000, mappingSeenMs: 500 }, base);
    expect(p).toMatchObject({ querySinceMs: NOW - 90 * DAY_MS, fullHistory: true, mappingMs: 1000 });
    expect(finishPass({ v: 1, watermarkMs: NOW - 3_600_000, mappingSeenMs: 500 }, p)).toEqual({ v: 1, watermarkMs: NOW - 60_000, mappingSeenMs: 1000 });
  });

  it('continues a pass in flight, but not a narrow one that predates a new mapping', () => {
    const inFlight = { runId: 'r1', querySinceMs: 1, keepSinceMs: 1, untilMs: 2, openEnded: false, incremental: true, fullHistory: false, mappingMs: 1000, state: { token: 't' }, pages: 3 };
    expect(planPass({ v: 1, watermarkMs: 1, mappingSeenMs: 1000, pass: inFlight }, base)).toMatchObject({ runId: 'r2', state: { token: 't' }, pages: 3 });
    expect(planPass({ v: 1, watermarkMs: 1, mappingSeenMs: 500, pass: inFlight }, base)).toMatchObject({ state: {}, fullHistory: true });
  });

  it('reads an explicit range exactly, open-ended, without moving the watermark', () => {
    const p = planPass({ v: 1, watermarkMs: NOW - 1000 }, { ...base, range: { sinceMs: NOW - 10 * DAY_MS, untilMs: NOW - 5 * DAY_MS } });
    expect(p).toMatchObject({ querySinceMs: NOW - 10 * DAY_MS, untilMs: NOW - 5 * DAY_MS, openEnded: true, incremental: false });
    expect(finishPass({ v: 1, watermarkMs: NOW - 1000 }, p).watermarkMs).toBe(NOW - 1000);
  });

  it("continues an explicit range's pass in the same run's next invocation, and starts another run's afresh", () => {
    const range = { sinceMs: NOW - 10 * DAY_MS, untilMs: NOW - 5 * DAY_MS };
    const first = planPass({ v: 1 }, { ...base, range });
    const inFlight = { ...first, state: { nextPath: '/wiki/rest/api/search?cursor=c2' }, pages: 7 };
    expect(planPass({ v: 1, pass: inFlight }, { ...base, range })).toEqual(inFlight);
    expect(planPass({ v: 1, pass: inFlight }, { ...base, runId: 'r3', range })).toMatchObject({ runId: 'r3', state: {}, pages: 0 });
    expect(planPass({ v: 1, pass: inFlight }, { ...base, range: { ...range, untilMs: NOW } })).toMatchObject({ state: {}, pages: 0 });
    // A scheduled pass in flight is not taken over by a manual run, nor the other way round.
    const scheduled = { ...inFlight, incremental: true };
    expect(planPass({ v: 1, pass: scheduled }, { ...base, range })).toMatchObject({ state: {}, pages: 0, incremental: false });
  });
});
