import { ACTIVITY_KINDS, containerKey, utcDay, type Activity } from '../domain/activity';
import { expandRollupWeek, type RollupContainer, type RollupWeek } from '../domain/rollup';

const DAY_MS = 86_400_000;

interface Cell {
  day: number;
  teammateId: string;
  kind: number;
  container: RollupContainer;
  count: number;
  seconds: number;
}

function containerOf(a: Activity): RollupContainer {
  return {
    key: containerKey(a.dataSourceId, a.container),
    dataSourceId: a.dataSourceId,
    type: a.container.type,
    id: a.container.id,
    containerKey: a.container.key,
    name: a.container.name,
  };
}

/**
 * A week document with some activities taken out and others added, or undefined when the
 * document cannot have counted what is taken out (a count would go below zero): then only a
 * recount from the activity index is trustworthy.
 */
export function applyRollupDelta(doc: RollupWeek, removed: Activity[], added: Activity[]): RollupWeek | undefined {
  const start = Date.parse(`${doc.week}T00:00:00.000Z`);
  const cells = new Map<string, Cell>();
  const keyOf = (day: number, teammateId: string, kind: number, ck: string) => `${day}|${teammateId}|${kind}|${ck}`;
  for (const c of expandRollupWeek(doc)) {
    const day = Math.round((Date.parse(`${c.day}T00:00:00.000Z`) - start) / DAY_MS);
    const kind = ACTIVITY_KINDS.indexOf(c.kind);
    cells.set(keyOf(day, c.teammateId, kind, c.container.key), { day, teammateId: c.teammateId, kind, container: c.container, count: c.count, seconds: c.seconds });
  }
  const change = (a: Activity, sign: 1 | -1): boolean => {
    const day = Math.round((Date.parse(`${utcDay(a.at)}T00:00:00.000Z`) - start) / DAY_MS);
    if (day < 0 || day > 6) return false;
    const container = containerOf(a);
    const kind = ACTIVITY_KINDS.indexOf(a.kind);
    const key = keyOf(day, a.teammateId, kind, container.key);
    const cell = cells.get(key) ?? { day, teammateId: a.teammateId, kind, container, count: 0, seconds: 0 };
    cell.count += sign;
    cell.seconds += sign * (a.details.seconds ?? 0);
    if (cell.count < 0 || cell.seconds < 0) return false;
    cells.set(key, cell);
    return true;
  };
  for (const a of removed) if (!change(a, -1)) return undefined;
  for (const a of added) if (!change(a, 1)) return undefined;

  const teammates: string[] = [];
  const tIndex = new Map<string, number>();
  const containers: RollupContainer[] = [];
  const cIndex = new Map<string, number>();
  const rows: RollupWeek['rows'] = [];
  for (const c of cells.values()) {
    if (c.count === 0) continue;
    let t = tIndex.get(c.teammateId);
    if (t === undefined) tIndex.set(c.teammateId, (t = teammates.push(c.teammateId) - 1));
    let ci = cIndex.get(c.container.key);
    if (ci === undefined) cIndex.set(c.container.key, (ci = containers.push(c.container) - 1));
    rows.push([c.day, t, c.kind, ci, c.count, c.seconds]);
  }
  return { v: 1, week: doc.week, teammates, containers, rows };
}
