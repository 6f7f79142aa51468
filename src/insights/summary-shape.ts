import { ACTIVITY_KINDS, type ActivityKind } from '../domain/activity';
import { KIND_LABELS, plural } from '../shared/activity-kinds';
import type { RollupContainer } from '../domain/rollup';
import { weekOf } from '../domain/rollup';
import { CHART_TEAMMATES, OTHERS_KEY, type DashboardSummary } from '../shared/dashboard-contract';
import { addDays } from './date-range';
import type { SummaryAccumulator } from './summary-accumulator';

export interface RosterEntry {
  id: string;
  name: string;
  teamId?: string;
}

export interface ShapeOptions {
  bucket: 'day' | 'week';
  split: 'kind' | 'teammate';
  /** Teammates the table lists even when quiet (the filtered roster). */
  roster: RosterEntry[];
  /** Whether activity of teammates missing from the roster (since removed) is listed. */
  includeUnrostered: boolean;
  kinds: ReadonlySet<ActivityKind>;
  /** Whether the viewer may see the container's name. */
  canSee: (c: RollupContainer) => boolean;
  topContainers?: number;
  /** teammateId → the picture the viewer is shown (src/insights/teammate-pictures.ts); none by default. */
  pictures?: ReadonlyMap<string, string>;
}

export const REMOVED_TEAMMATE_LABEL = 'Removed teammate';

type Stack = DashboardSummary['series']['stacks'][number];

/**
 * The busiest people by name and everyone else as one stack, so a big team stays readable; people
 * with no activity in the range are left out (the table still lists them).
 */
function teammateStacks(acc: SummaryAccumulator, rows: DashboardSummary['teammates'], buckets: number, bucketOf: number[]): Stack[] {
  const active = rows.filter((r) => r.total > 0).sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
  const valuesOf = (ids: string[]) => {
    const values = new Array<number>(buckets).fill(0);
    for (const id of ids) {
      const perDay = acc.teammates.get(id)?.perDay;
      if (perDay) for (let i = 0; i < acc.days; i++) values[bucketOf[i]] += perDay[i];
    }
    return values;
  };
  const named = active.slice(0, CHART_TEAMMATES).map((r) => ({ key: r.teammateId, label: r.name, values: valuesOf([r.teammateId]) }));
  const rest = active.slice(CHART_TEAMMATES);
  if (rest.length === 0) return named;
  return [...named, { key: OTHERS_KEY, label: plural(rest.length, 'other', 'others'), values: valuesOf(rest.map((r) => r.teammateId)) }];
}

/** A week bucket cut by the range's ends holds fewer than 7 days: the chart marks it. */
function partialBuckets(buckets: number, bucketOf: number[], bucket: 'day' | 'week'): boolean[] {
  if (bucket === 'day') return new Array<boolean>(buckets).fill(false);
  const days = new Array<number>(buckets).fill(0);
  for (const b of bucketOf) days[b] += 1;
  return days.map((n) => n < 7);
}

export function shapeSummary(acc: SummaryAccumulator, o: ShapeOptions): Omit<DashboardSummary, 'empty'> {
  const range = acc.scope.range;
  const days = Array.from({ length: acc.days }, (_, i) => addDays(range.from, i));
  const rows = teammateRows(acc, o);
  const { starts, bucketOf } = buckets(days, o.bucket);
  const kindsShown = ACTIVITY_KINDS.filter((k) => o.kinds.has(k));
  const stacks =
    o.split === 'kind'
      ? kindsShown.map((k) => {
          const ki = ACTIVITY_KINDS.indexOf(k);
          const values = new Array<number>(starts.length).fill(0);
          for (let i = 0; i < acc.days; i++) values[bucketOf[i]] += acc.dayKind[i * ACTIVITY_KINDS.length + ki];
          return { key: k, label: KIND_LABELS[k], values };
        })
      : teammateStacks(acc, rows, starts.length, bucketOf);
  const perDay = acc.perDay();
  return {
    range,
    totals: {
      count: sum(acc.kindCount),
      previous: sum(acc.kindPrevious),
      seconds: acc.seconds,
      previousSeconds: acc.previousSeconds,
      byKind: kindsShown.map((k) => {
        const ki = ACTIVITY_KINDS.indexOf(k);
        return { kind: k, count: acc.kindCount[ki], previous: acc.kindPrevious[ki] };
      }),
    },
    series: { bucket: o.bucket, split: o.split, starts, stacks, partial: partialBuckets(starts.length, bucketOf, o.bucket) },
    heatmap: days.map((day, i) => ({ day, count: perDay[i] })),
    teammates: rows,
    ...containerRows(acc, o),
  };
}

function teammateRows(acc: SummaryAccumulator, o: ShapeOptions): DashboardSummary['teammates'] {
  const listed = new Set<string>();
  const rows: DashboardSummary['teammates'] = [];
  const push = (id: string, name: string, teamId?: string) => {
    listed.add(id);
    const t = acc.teammates.get(id);
    const counts: Record<string, number> = {};
    ACTIVITY_KINDS.forEach((k, i) => {
      if (o.kinds.has(k)) counts[k] = t?.counts[i] ?? 0;
    });
    const avatarUrl = o.pictures?.get(id);
    rows.push({
      teammateId: id,
      name,
      ...(teamId ? { teamId } : {}),
      ...(avatarUrl ? { avatarUrl } : {}),
      counts,
      total: t ? sum(t.counts) : 0,
      seconds: t?.seconds ?? 0,
      lastActive: t && t.lastActiveMs >= 0 ? new Date(t.lastActiveMs).toISOString().slice(0, 10) : null,
    });
  };
  for (const m of o.roster) push(m.id, m.name, m.teamId);
  if (o.includeUnrostered) {
    for (const [id, t] of acc.teammates) {
      if (!listed.has(id) && sum(t.counts) > 0) push(id, REMOVED_TEAMMATE_LABEL);
    }
  }
  // Alphabetical, not by volume: the table shows activity, it does not rank people.
  return rows.sort((a, b) => a.name.localeCompare(b.name) || a.teammateId.localeCompare(b.teammateId));
}

function containerRows(acc: SummaryAccumulator, o: ShapeOptions): Pick<DashboardSummary, 'containers' | 'containerOptions'> {
  const visible: DashboardSummary['containers'] = [];
  const restricted = { project: 0, space: 0 };
  const options: DashboardSummary['containerOptions'] = [];
  for (const { container: c, count } of acc.containers.values()) {
    if (count === 0) continue;
    if (o.canSee(c)) {
      visible.push({ key: c.key, type: c.type, dataSourceId: c.dataSourceId, name: c.name, containerKey: c.containerKey, count });
      options.push({ key: c.key, label: `${c.containerKey} · ${c.name}`, type: c.type });
    } else {
      restricted[c.type] += count;
    }
  }
  visible.sort((a, b) => b.count - a.count || (a.name ?? '').localeCompare(b.name ?? ''));
  const top = visible.slice(0, o.topContainers ?? 10);
  for (const type of ['project', 'space'] as const) {
    if (restricted[type] > 0) {
      top.push({ key: `restricted:${type}`, type, dataSourceId: '', name: null, containerKey: null, count: restricted[type] });
    }
  }
  options.sort((a, b) => a.label.localeCompare(b.label));
  return { containers: top, containerOptions: options };
}

function buckets(days: string[], bucket: 'day' | 'week'): { starts: string[]; bucketOf: number[] } {
  if (bucket === 'day') return { starts: days, bucketOf: days.map((_, i) => i) };
  const starts: string[] = [];
  const bucketOf: number[] = [];
  let current = '';
  for (const d of days) {
    const w = weekOf(d);
    if (w !== current) {
      current = w;
      starts.push(d);
    }
    bucketOf.push(starts.length - 1);
  }
  return { starts, bucketOf };
}

function sum(xs: number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}
