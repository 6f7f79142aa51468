import type { Activity } from '../../src/domain/activity';

export interface FieldChange {
  path: string;
  expected: unknown;
  actual: unknown;
}

export interface ActivityDiff {
  missing: Activity[];
  extra: Activity[];
  changed: { id: string; changes: FieldChange[] }[];
  /** True when nothing is missing, extra or changed. */
  equal: boolean;
  /** A readable summary for a failing assertion, at most `limit` lines per section. */
  report(limit?: number): string;
}

function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    return;
  }
  if (value !== undefined) out.set(prefix, Array.isArray(value) ? JSON.stringify(value) : value);
}

function describe(a: Activity): string {
  return `${a.id} ${a.kind} by ${a.actorAccountId} at ${a.at} on ${a.entity.key}`;
}

/**
 * Compares activities by id and, for ids on both sides, field by field (nested fields as dotted
 * paths, arrays compared whole). `ignore` lists paths or path prefixes to skip, e.g. 'details'.
 */
export function diffActivities(expected: Iterable<Activity>, actual: Iterable<Activity>, ignore: string[] = []): ActivityDiff {
  const exp = new Map<string, Activity>();
  for (const a of expected) exp.set(a.id, a);
  const act = new Map<string, Activity>();
  const duplicates: string[] = [];
  for (const a of actual) {
    if (act.has(a.id)) duplicates.push(a.id);
    act.set(a.id, a);
  }
  const skipped = (path: string): boolean => ignore.some((p) => path === p || path.startsWith(`${p}.`));
  const missing = [...exp.values()].filter((a) => !act.has(a.id));
  const extra = [...act.values()].filter((a) => !exp.has(a.id));
  const changed: ActivityDiff['changed'] = [];
  for (const [id, e] of exp) {
    const a = act.get(id);
    if (!a) continue;
    const fe = new Map<string, unknown>();
    const fa = new Map<string, unknown>();
    flatten(e, '', fe);
    flatten(a, '', fa);
    const changes: FieldChange[] = [];
    for (const path of new Set([...fe.keys(), ...fa.keys()])) {
      if (skipped(path)) continue;
      if (fe.get(path) !== fa.get(path)) changes.push({ path, expected: fe.get(path), actual: fa.get(path) });
    }
    if (changes.length > 0) changed.push({ id, changes: changes.sort((x, y) => (x.path < y.path ? -1 : 1)) });
  }
  const equal = missing.length === 0 && extra.length === 0 && changed.length === 0 && duplicates.length === 0;
  const report = (limit = 20): string => {
    if (equal) return 'activities match';
    const lines: string[] = [`expected ${exp.size}, actual ${act.size}`];
    const section = <T>(title: string, items: T[], fmt: (t: T) => string): void => {
      if (items.length === 0) return;
      lines.push(`${title} (${items.length}):`);
      for (const t of items.slice(0, limit)) lines.push(`  ${fmt(t)}`);
      if (items.length > limit) lines.push(`  … and ${items.length - limit} more`);
    };
    section('missing', missing, describe);
    section('extra', extra, describe);
    section('changed', changed, (c) => `${c.id}: ${c.changes.map((x) => `${x.path} expected ${JSON.stringify(x.expected)} got ${JSON.stringify(x.actual)}`).join('; ')}`);
    section('duplicate ids in actual', duplicates, (id) => id);
    return lines.join('\n');
  };
  return { missing, extra, changed, equal, report };
}
