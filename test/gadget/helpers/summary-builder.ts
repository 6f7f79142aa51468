import { ACTIVITY_KINDS, sourceOfKind, type ActivityKind } from '../../../src/domain/activity';
import type { GadgetSummary } from '../../../src/shared/gadget-contract';

const DAY_MS = 86_400_000;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00.000Z`) + n * DAY_MS).toISOString().slice(0, 10);

/**
 * A consistent GadgetSummary from a count function, so view tests feed the UI what a resolver
 * would send and derive their expectations from the same numbers.
 */
export function buildSummary(opts: {
  to?: string;
  days?: 7 | 14 | 30;
  kinds?: ActivityKind[];
  count?: (dayIndex: number, kind: ActivityKind) => number;
  previous?: (kind: ActivityKind) => number;
  name?: string;
}): GadgetSummary {
  const to = opts.to ?? '2026-11-24';
  const days = opts.days ?? 7;
  const kinds = opts.kinds ?? [...ACTIVITY_KINDS];
  const count = opts.count ?? ((d, k) => (d + ACTIVITY_KINDS.indexOf(k)) % 3);
  const previous = opts.previous ?? (() => 2);
  const from = addDays(to, -(days - 1));
  const perDay: GadgetSummary['perDay'] = [];
  for (let d = 0; d < days; d++) for (const kind of kinds) perDay.push({ day: addDays(from, d), kind, count: count(d, kind) });
  const totals = kinds.map((kind) => ({
    kind,
    count: perDay.filter((p) => p.kind === kind).reduce((s, p) => s + p.count, 0),
    previous: previous(kind),
  }));
  const sum = (ks: typeof totals) => ({
    count: ks.reduce((s, t) => s + t.count, 0),
    previous: ks.reduce((s, t) => s + t.previous, 0),
  });
  return {
    target: { type: 'team', id: 'platform', name: opts.name ?? 'Platform team', memberCount: 3 },
    range: { from, to, days },
    previousRange: { from: addDays(from, -days), to: addDays(from, -1) },
    kinds,
    totals,
    total: sum(totals),
    perDay,
    bySource: {
      jira: sum(totals.filter((t) => sourceOfKind(t.kind) === 'jira')),
      confluence: sum(totals.filter((t) => sourceOfKind(t.kind) === 'confluence')),
    },
    worklogSeconds: kinds.includes('jira.worklog') ? 5400 : 0,
  };
}
