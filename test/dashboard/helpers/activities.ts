import { ACTIVITY_KINDS, sourceOfKind, type Activity, type ActivityKind } from '../../../src/domain/activity';
import { weekOf } from '../../../src/domain/rollup';
import { buildRollupWeek } from '../../../src/store/rollup-counts';
import type { RollupWeek } from '../../../src/store/rollup-week-format';
import { seededRandom } from '../../../local/site/rng';

let seq = 0;

/** A valid activity; override what the test is about. */
export function generateActivity(overrides: Partial<Activity> & { kind?: ActivityKind } = {}): Activity {
  seq += 1;
  const kind = overrides.kind ?? 'jira.issue.updated';
  const source = sourceOfKind(kind);
  const container =
    overrides.container ??
    (source === 'jira'
      ? { type: 'project' as const, id: '10000', key: 'ALPHA', name: 'Alpha' }
      : { type: 'space' as const, id: '20000', key: 'DOCS', name: 'Docs' });
  const ds = overrides.dataSourceId ?? 'host';
  return {
    id: `${source}:${ds}:test:${seq}`,
    dataSourceId: ds,
    kind,
    actorAccountId: `acc-${overrides.teammateId ?? 'tm-a'}`,
    teammateId: 'tm-a',
    at: '2026-11-20T10:00:00.000Z',
    container,
    entity:
      source === 'jira'
        ? { type: 'issue', id: String(seq), key: `${container.key}-${seq}`, title: `Issue ${seq}` }
        : { type: 'page', id: String(seq), key: String(seq), title: `Page ${seq}` },
    url: source === 'jira' ? `https://acme.atlassian.net/browse/${container.key}-${seq}` : `https://acme.atlassian.net/wiki/pages/viewpage.action?pageId=${seq}`,
    details: kind === 'jira.worklog' ? { seconds: 3600, worklogId: String(seq) } : {},
    // As the sync records it: read on other sites, left to each viewer on the host.
    restricted: ds === 'host' ? 'unknown' : false,
    ...overrides,
    source,
  };
}

/** Groups activities into week documents exactly as the sync's recount does. */
export function rollupsOf(activities: Activity[]): RollupWeek[] {
  const byWeek = new Map<string, Activity[]>();
  for (const a of activities) {
    const w = weekOf(a.at.slice(0, 10));
    byWeek.set(w, [...(byWeek.get(w) ?? []), a]);
  }
  return [...byWeek].map(([w, list]) => buildRollupWeek(w, list));
}

/** Seeded pseudo-random activities spread over a day range, teammates, kinds and places. */
export function randomActivities(opts: { count: number; fromDay: string; days: number; teammates: string[]; seed?: number }): Activity[] {
  const rnd = seededRandom(opts.seed ?? 7);
  const places = [
    { ds: 'host', c: { type: 'project' as const, id: '10000', key: 'ALPHA', name: 'Alpha' } },
    { ds: 'host', c: { type: 'project' as const, id: '10001', key: 'BETA', name: 'Beta' } },
    { ds: 'other', c: { type: 'project' as const, id: '10000', key: 'OPS', name: 'Ops' } },
    { ds: 'host', c: { type: 'space' as const, id: '20000', key: 'DOCS', name: 'Docs' } },
  ];
  const start = Date.parse(`${opts.fromDay}T00:00:00Z`);
  return Array.from({ length: opts.count }, () => {
    const kind = ACTIVITY_KINDS[Math.floor(rnd() * ACTIVITY_KINDS.length)];
    const jira = sourceOfKind(kind) === 'jira';
    const candidates = places.filter((p) => (p.c.type === 'project') === jira);
    const place = candidates[Math.floor(rnd() * candidates.length)];
    const at = new Date(start + Math.floor(rnd() * opts.days * 86_400_000)).toISOString();
    return generateActivity({
      kind,
      at,
      dataSourceId: place.ds,
      container: place.c,
      teammateId: opts.teammates[Math.floor(rnd() * opts.teammates.length)],
      details: kind === 'jira.worklog' ? { seconds: 900 * (1 + Math.floor(rnd() * 8)) } : {},
    });
  });
}
