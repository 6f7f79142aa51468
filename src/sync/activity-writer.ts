import { randomUUID } from 'node:crypto';
import { utcDay, type Activity, type ActivityKind } from '../domain/activity';
import { isInside, type TimeWindow } from '../domain/time-window';
import { weekOfActivity, type ActivityRepository } from '../store/activity-repository';
import type { RollupRepository } from '../store/rollup-repository';
import { SerialQueue } from './serial-queue';
import { mapLimit } from './stream-env';

/** An entity (issue, page) whose activities of some kinds are replaced by `computed`. */
export interface EntityState {
  entityKey: string;
  computed: Activity[];
  current?: Pick<Activity, 'container' | 'entity' | 'restricted'>;
}

/** Stored-activity reads per entity sent side by side (KVS allows 1000 requests a second per install). */
const ENTITY_READS_IN_FLIGHT = 8;

export interface WriteStats {
  upserted: Record<string, number>;
  unchanged: number;
  deleted: number;
}

/** JSON with object keys sorted, so key order never makes two equal activities differ. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The fields a rollup cell depends on (src/domain/rollup.ts): day, teammate, kind, container, seconds. */
function rollupShape(a: Activity): string {
  return canonical([utcDay(a.at), a.teammateId, a.kind, a.dataSourceId, a.container, a.details.seconds ?? 0]);
}

function sameActivity(a: Activity, b: Activity): boolean {
  return canonical(a) === canonical(b);
}

/**
 * Applies computed activities to the store: skips unchanged ones, deletes what disappeared, and
 * keeps the rollup weeks they count in (old and new `at`) exact. Each week is marked with a
 * mark of this writer's own before its activities change, and the mark goes only once a rollup
 * update that read the change is stored: a small change right away, a bulk write at finish().
 * One writer belongs to one invocation; finish() must run before the invocation ends.
 *
 * The streams of an invocation share its writer and call it side by side. Each call reads what
 * is stored, compares and writes back (rollup weeks, and the activities another stream owns that
 * an issue's new title refreshes), so the calls run one at a time through `queue`: a call never
 * writes back an activity another stream changed after it read it.
 */
export class ActivityWriter {
  /** Weeks written in bulk and marked, waiting for finish() to recount them. */
  readonly touchedWeeks = new Set<string>();
  readonly stats: WriteStats = { upserted: {}, unchanged: 0, deleted: 0 };
  private deltas = 0;

  constructor(
    private readonly activities: ActivityRepository,
    private readonly rollups: RollupRepository,
    /** False while the store holds nothing for this source: no reads are needed to compare. */
    private readonly storeMayHaveData: boolean,
    /** Names this writer's marks; unique per invocation (tests pass a fixed one to replay). */
    private readonly owner: string = randomUUID(),
    /** Where the calls wait their turn; the invocation passes the queue its other writes share. */
    private readonly queue: SerialQueue = new SerialQueue(),
  ) {}

  /**
   * Recounts the weeks written in bulk (and any week a vanished writer left marked), then
   * drops this writer's marks on them. The end of every invocation that wrote.
   */
  finish(): Promise<void> {
    return this.queue.run(() => this.finishNow());
  }

  private async finishNow(): Promise<void> {
    const weeks = [...this.touchedWeeks];
    await this.rollups.recountDirty(weeks, this.owner);
    for (const w of weeks) this.touchedWeeks.delete(w);
  }

  /** Upserts `upserts`; deletes the ids in `deleteIds` that are stored. */
  apply(upserts: Activity[], deleteIds: string[] = []): Promise<void> {
    return this.queue.run(() => this.applyNow(upserts, deleteIds));
  }

  private async applyNow(upserts: Activity[], deleteIds: string[]): Promise<void> {
    const byId = new Map(upserts.map((a) => [a.id, a]));
    const upsertIds = new Set(byId.keys());
    const dels = deleteIds.filter((id) => !upsertIds.has(id));
    const old = this.storeMayHaveData ? await this.activities.getMany([...byId.keys(), ...dels]) : new Map<string, Activity>();
    await this.write([...byId.values()], dels, old);
  }

  /**
   * Makes the stored activities of whole entities (issues, pages) of the given kinds match what
   * was computed inside `window`: computed ones are upserted, stored ones no longer computed
   * (a deleted comment, an unmapped teammate) are deleted. One write pass for all entities.
   */
  reconcileEntities(dataSourceId: string, entities: EntityState[], kinds: ReadonlySet<ActivityKind>, window: TimeWindow): Promise<void> {
    return this.queue.run(() => this.reconcileNow(dataSourceId, entities, kinds, window));
  }

  private async reconcileNow(dataSourceId: string, entities: EntityState[], kinds: ReadonlySet<ActivityKind>, window: TimeWindow): Promise<void> {
    const computed = entities.flatMap((e) => e.computed);
    if (!this.storeMayHaveData) return this.write(computed, [], new Map());
    const old = new Map<string, Activity>();
    const dels: string[] = [];
    const refreshed: Activity[] = [];
    const ids = new Set(computed.map((a) => a.id));
    // One index query per entity, a few side by side: a page of issues is tens of them.
    const storedByEntity = await mapLimit(entities, ENTITY_READS_IN_FLIGHT, (e) => this.activities.listByEntity(dataSourceId, e.entityKey));
    for (const [i, e] of entities.entries()) {
      const stored = storedByEntity[i];
      for (const a of stored) {
        old.set(a.id, a);
        // The item's restriction is today's for all its activities, also those outside the window.
        const restricted = e.current?.restricted !== undefined ? { restricted: e.current.restricted } : {};
        if (kinds.has(a.kind)) {
          if (!ids.has(a.id) && isInside(Date.parse(a.at), window)) dels.push(a.id);
          else if (!ids.has(a.id) && e.current) refreshed.push({ ...a, ...restricted });
        } else if (e.current) {
          // Activities another stream owns (worklogs) still show the issue's current title.
          refreshed.push({ ...a, container: e.current.container, entity: e.current.entity, ...restricted });
        }
      }
    }
    await this.write([...computed, ...refreshed], dels, old);
  }

  private async write(upserts: Activity[], dels: string[], old: Map<string, Activity>): Promise<void> {
    const changed = upserts.filter((a) => {
      const prev = old.get(a.id);
      return !prev || !sameActivity(prev, a);
    });
    const gone = dels.filter((id) => old.has(id));
    this.stats.unchanged += upserts.length - changed.length;
    if (changed.length === 0 && gone.length === 0) return;
    const removed: Activity[] = [];
    const added: Activity[] = [];
    for (const a of changed) {
      const prev = old.get(a.id);
      // A new title or link changes no count: only what a rollup cell is made of counts.
      if (prev && rollupShape(prev) === rollupShape(a)) continue;
      if (prev) removed.push(prev);
      added.push(a);
    }
    for (const id of gone) removed.push(old.get(id)!);
    const weeks = new Set([...removed, ...added].map(weekOfActivity));

    if (weeks.size > 0 && this.storeMayHaveData && (await this.writeWithDeltas(changed, gone, old, weeks, removed, added))) {
      this.count(changed, gone);
      return;
    }
    // Bulk writes (a first sync) recount their weeks once, in finish(): one mark per week.
    const unmarked = [...weeks].filter((w) => !this.touchedWeeks.has(w));
    if (unmarked.length) await this.rollups.mark(unmarked, this.owner);
    for (const w of unmarked) this.touchedWeeks.add(w);
    await this.activities.upsertMany(changed);
    if (gone.length) await this.activities.deleteMany(gone);
    this.count(changed, gone);
  }

  /**
   * Small changes update their weeks in place. The week documents (and their revs) are read
   * first, then the stored activities again: if those moved since `old` was read, another
   * writer is at work and the caller falls back to marking and recounting (false, nothing
   * written). A delta whose rev no longer holds is replaced by a recount of that week.
   */
  private async writeWithDeltas(
    changed: Activity[],
    gone: string[],
    old: Map<string, Activity>,
    weeks: Set<string>,
    removed: Activity[],
    added: Activity[],
  ): Promise<boolean> {
    const bases = await this.rollups.readWeeks(weeks);
    const now = await this.activities.getMany([...changed.map((a) => a.id), ...gone]);
    for (const id of [...changed.map((a) => a.id), ...gone]) {
      const before = old.get(id);
      const current = now.get(id);
      if ((before === undefined) !== (current === undefined) || (before && current && !sameActivity(before, current))) return false;
    }
    const owner = `${this.owner}.${++this.deltas}`;
    await this.rollups.mark(weeks, owner);
    await this.activities.upsertMany(changed);
    if (gone.length) await this.activities.deleteMany(gone);
    for (const week of weeks) {
      const inWeek = (a: Activity) => weekOfActivity(a) === week;
      if (!(await this.rollups.applyDelta(week, bases.get(week), removed.filter(inWeek), added.filter(inWeek)))) {
        await this.rollups.recountWeek(week);
      }
    }
    // Both the delta and the recount read after the write: the marks have done their job.
    await this.rollups.unmark(weeks, owner);
    return true;
  }

  private count(changed: Activity[], gone: string[]): void {
    for (const a of changed) this.stats.upserted[a.kind] = (this.stats.upserted[a.kind] ?? 0) + 1;
    this.stats.deleted += gone.length;
  }
}
