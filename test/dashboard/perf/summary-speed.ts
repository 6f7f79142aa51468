/**
 * Times the 90-day dashboard summary (with its previous period) for 50 busy teammates on the
 * local platform's virtual clock at 10 ms per KVS call: the time is the invocation's modelled
 * cost, so it does not depend on the machine. It runs in a plain Node process because jest's
 * module sandbox slows large JSON bodies several-fold (the test would take minutes).
 * Prints one JSON line: {expected, got, coldCalls, warmCalls, coldMs, warmMs}.
 */
import { installForgeGlobals } from '../../../local/runtime/install';

installForgeGlobals();

const TEAMMATES = Array.from({ length: 50 }, (_, i) => `tm-${String(i).padStart(2, '0')}`);

async function main() {
  const { startLocalPlatform } = await import('../../../local/platform');
  const { createForgeKvs } = await import('../../../src/platform/forge-kvs');
  const { createConfigRepository } = await import('../../../src/store/config-repository');
  const { weeksBetween } = await import('../../../src/domain/rollup');
  const { resolveRange } = await import('../../../src/insights/date-range');
  const { ENTITY, KEY } = await import('../../../src/store/keys');
  const { dashboardSite, USERS } = await import('../helpers/dashboard-env');
  const { busyWeek } = await import('./busy-week');
  const { encodeRollupWeek, forEachRollupRow } = await import('../../../src/store/rollup-week-format');

  const platform = await startLocalPlatform({ sites: [dashboardSite()], echoConsole: false, useEnv: false, time: { mode: 'virtual', kvsMs: 10 } });
  try {
    const kvs = createForgeKvs();
    await createConfigRepository(kvs).saveTeammates({
      teams: [{ id: 'all', name: 'All' }],
      teammates: TEAMMATES.map((id) => ({ id, name: `Person ${id}`, teamId: 'all', externalIds: [], mappedAt: '2026-01-01T00:00:00.000Z' })),
    });
    const r = resolveRange({ range: '90d' }, new Date().toISOString().slice(0, 10));
    let expected = 0;
    let withPrevious = 0;
    for (const [i, w] of weeksBetween(r.previousFrom, r.to).entries()) {
      const doc = busyWeek(w, i, TEAMMATES);
      await kvs.entitySet(ENTITY.rollupWeek, KEY.rollupWeek(w), { week: w, rev: 1, data: encodeRollupWeek(doc) });
      const start = Date.parse(`${w}T00:00:00Z`);
      forEachRollupRow(doc, (d, _t, _k, _c, count) => {
        const day = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
        if (day >= r.from && day <= r.to) expected += count;
        if (day >= r.previousFrom && day <= r.to) withPrevious += count;
      });
    }
    const run = async () => {
      platform.kvs.resetStats();
      const res = (await platform.runtime.invokeResolver('dashboard-resolver', 'dashboard/summary', { filters: { range: '90d' } }, { accountId: USERS.lead })) as {
        ok: boolean;
        data?: { totals: { count: number } };
      };
      const ms = platform.runtime.invocations[platform.runtime.invocations.length - 1].ms;
      return { ms, calls: platform.kvs.stats.total, got: res.ok ? res.data!.totals.count : -1 };
    };
    const cold = await run();
    const warm = [await run(), await run(), await run()].reduce((a, b) => (b.ms < a.ms ? b : a));
    process.stdout.write(
      `${JSON.stringify({ expected, withPrevious, got: warm.got, coldCalls: cold.calls, warmCalls: warm.calls, coldMs: Math.round(cold.ms), warmMs: Math.round(warm.ms) })}\n`,
    );
  } finally {
    await platform.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
