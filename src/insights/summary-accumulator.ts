import { ACTIVITY_KINDS, type ActivityKind } from '../domain/activity';
import type { RollupContainer } from '../domain/rollup';
import { forEachRollupRow, type RollupWeek } from '../store/rollup-week-format';
import { dayToMs, type ResolvedRange } from './date-range';
import { DAY_MS } from '../domain/time-window';

const NK = ACTIVITY_KINDS.length;

/** What the summary counts: the range, and which teammates, kinds and places pass the filters. */
export interface SummaryScope {
  range: ResolvedRange;
  /** null = every teammate. */
  teammateIds: ReadonlySet<string> | null;
  kinds: ReadonlySet<ActivityKind>;
  dataSourceId?: string;
  containerKey?: string;
}

export interface TeammateTally {
  counts: number[];
  seconds: number;
  /** Per day of the range. */
  perDay: number[];
  lastActiveMs: number;
}

export interface ContainerTally {
  container: RollupContainer;
  count: number;
}

/** Sums rollup rows for the range and its previous period in one pass over the rows. */
export class SummaryAccumulator {
  readonly days: number;
  readonly kindCount = new Array<number>(NK).fill(0);
  readonly kindPrevious = new Array<number>(NK).fill(0);
  seconds = 0;
  previousSeconds = 0;
  /** [dayIndex * NK + kind] */
  readonly dayKind: number[];
  readonly teammates = new Map<string, TeammateTally>();
  readonly containers = new Map<string, ContainerTally>();
  private readonly fromMs: number;
  private readonly toMs: number;
  private readonly prevFromMs: number;

  constructor(readonly scope: SummaryScope) {
    this.days = scope.range.days;
    this.fromMs = dayToMs(scope.range.from);
    this.toMs = dayToMs(scope.range.to);
    this.prevFromMs = dayToMs(scope.range.previousFrom);
    this.dayKind = new Array<number>(this.days * NK).fill(0);
  }

  add(doc: RollupWeek): void {
    const weekMs = dayToMs(doc.week);
    const kindOk = ACTIVITY_KINDS.map((k) => this.scope.kinds.has(k));
    const teammateOk = doc.teammates.map((t) => this.scope.teammateIds === null || this.scope.teammateIds.has(t));
    const containerOk = doc.containers.map(
      (c) =>
        (this.scope.dataSourceId === undefined || c.dataSourceId === this.scope.dataSourceId) &&
        (this.scope.containerKey === undefined || c.key === this.scope.containerKey),
    );
    // A busy 90-day range with its previous period is ~200,000 rows: the tallies of a document's
    // teammates and containers are looked up once per document (on first use, so the order the
    // maps fill in is unchanged).
    const tallies = new Array<TeammateTally | undefined>(doc.teammates.length);
    const places = new Array<ContainerTally | undefined>(doc.containers.length);
    forEachRollupRow(doc, (day, t, k, c, count, secs) => {
      if (!kindOk[k] || !teammateOk[t] || !containerOk[c]) return;
      const dayMs = weekMs + day * DAY_MS;
      if (dayMs >= this.fromMs && dayMs <= this.toMs) {
        const idx = (dayMs - this.fromMs) / DAY_MS;
        this.kindCount[k] += count;
        this.seconds += secs;
        this.dayKind[idx * NK + k] += count;
        const tt = (tallies[t] ??= this.tally(doc.teammates[t]));
        tt.counts[k] += count;
        tt.seconds += secs;
        tt.perDay[idx] += count;
        if (dayMs > tt.lastActiveMs) tt.lastActiveMs = dayMs;
        (places[c] ??= this.place(doc.containers[c])).count += count;
      } else if (dayMs >= this.prevFromMs && dayMs < this.fromMs) {
        this.kindPrevious[k] += count;
        this.previousSeconds += secs;
        const tt = (tallies[t] ??= this.tally(doc.teammates[t]));
        if (dayMs > tt.lastActiveMs) tt.lastActiveMs = dayMs;
      }
    });
  }

  private place(container: RollupContainer): ContainerTally {
    let ct = this.containers.get(container.key);
    if (!ct) {
      ct = { container, count: 0 };
      this.containers.set(container.key, ct);
    }
    return ct;
  }

  tally(teammateId: string): TeammateTally {
    let tt = this.teammates.get(teammateId);
    if (!tt) {
      tt = { counts: new Array<number>(NK).fill(0), seconds: 0, perDay: new Array<number>(this.days).fill(0), lastActiveMs: -1 };
      this.teammates.set(teammateId, tt);
    }
    return tt;
  }

  /** Count per day of the range, all kinds in scope. */
  perDay(): number[] {
    const out = new Array<number>(this.days).fill(0);
    for (let i = 0; i < this.days; i++) {
      for (let k = 0; k < NK; k++) out[i] += this.dayKind[i * NK + k];
    }
    return out;
  }
}
