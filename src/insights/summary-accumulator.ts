import { ACTIVITY_KINDS, type ActivityKind } from '../domain/activity';
import type { RollupContainer } from '../domain/rollup';
import { forEachRollupRow, type RollupWeek } from '../store/rollup-week-format';
import { dayToMs, type ResolvedRange } from './date-range';
import { DAY_MS } from '../domain/time-window';

const NK = ACTIVITY_KINDS.length;
/** A local copy: read once per row, an imported binding can cost a property lookup each time. */
const DAY = DAY_MS;
const PREVIOUS = -1;
const OUTSIDE = -2;

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
    // Where each day of the week falls, worked out once per document: its index in the range
    // (>= 0), PREVIOUS (the previous period) or OUTSIDE; and its start, for "last active".
    const slot = new Array<number>(7);
    const dayMs = new Array<number>(7);
    for (let d = 0; d < 7; d++) {
      const ms = weekMs + d * DAY;
      dayMs[d] = ms;
      slot[d] = ms >= this.fromMs && ms <= this.toMs ? (ms - this.fromMs) / DAY : ms >= this.prevFromMs && ms < this.fromMs ? PREVIOUS : OUTSIDE;
    }
    // A busy 90-day range with its previous period is ~200,000 rows: the tallies of a document's
    // teammates and containers are looked up once per document (on first use, so the order the
    // maps fill in is unchanged).
    const tallies = new Array<TeammateTally | undefined>(doc.teammates.length);
    const places = new Array<ContainerTally | undefined>(doc.containers.length);
    const { kindCount, kindPrevious, dayKind } = this;
    let seconds = 0;
    let previousSeconds = 0;
    forEachRollupRow(doc, (day, t, k, c, count, secs) => {
      const idx = slot[day];
      if (idx === OUTSIDE || !kindOk[k] || !teammateOk[t] || !containerOk[c]) return;
      const tt = (tallies[t] ??= this.tally(doc.teammates[t]));
      if (dayMs[day] > tt.lastActiveMs) tt.lastActiveMs = dayMs[day];
      if (idx >= 0) {
        kindCount[k] += count;
        seconds += secs;
        dayKind[idx * NK + k] += count;
        tt.counts[k] += count;
        tt.seconds += secs;
        tt.perDay[idx] += count;
        (places[c] ??= this.place(doc.containers[c])).count += count;
      } else {
        kindPrevious[k] += count;
        previousSeconds += secs;
      }
    });
    this.seconds += seconds;
    this.previousSeconds += previousSeconds;
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
