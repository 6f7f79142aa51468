import type { KvsStore } from '../../local/kvs/store';
import type { SiteFixture } from '../../local/site/fixture-schema';
import { seededRandom } from '../../local/site/rng';
import { ACTIVITY_KINDS, activityId, type Activity, type ActivityKind, type Container } from '../../src/domain/activity';
import { weekOf, weeksBetween } from '../../src/domain/rollup';
import { encodeActivity } from '../../src/store/activity-format';
import { buildRollupWeek } from '../../src/store/rollup-counts';
import { encodeRollupWeekParts } from '../../src/store/rollup-week-format';
import { ENTITY, KEY } from '../../src/store/keys';

const DAY_MS = 86_400_000;

/** How often each kind happens, roughly as on the reference site (changelog-heavy). */
const KIND_WEIGHTS: Record<ActivityKind, number> = {
  'jira.issue.created': 5,
  'jira.issue.updated': 45,
  'jira.issue.resolved': 4,
  'jira.comment': 20,
  'jira.worklog': 10,
  'confluence.page.created': 3,
  'confluence.page.updated': 9,
  'confluence.comment': 4,
};

export interface Team {
  /** Teammate id → account id on the host site. */
  teammates: { id: string; accountId: string; name: string }[];
  projects: Container[];
  spaces: Container[];
}

export function teamFrom(site: SiteFixture, size: number): Team {
  const humans = site.users.filter((u) => u.active && u.accountType !== 'app');
  if (humans.length < size) throw new Error(`the site has ${humans.length} active people, ${size} needed`);
  return {
    teammates: humans.slice(0, size).map((u, i) => ({ id: `tm-${String(i).padStart(2, '0')}`, accountId: u.accountId, name: u.displayName })),
    projects: site.projects.map((p) => ({ type: 'project', id: p.id, key: p.key, name: p.name })),
    spaces: site.spaces.map((s) => ({ type: 'space', id: s.id, key: s.key, name: s.name })),
  };
}


export interface LoadResult {
  activities: number;
  weeks: number;
  /** Activities per UTC day, for expected totals. */
  perDay: Map<string, number>;
  /** The largest value a rollup week is stored in, head or part (its JSON, as KVS counts a value's size). */
  largestWeekBytes: number;
}

/**
 * Writes `total` activities spread evenly over the days [fromDay, toDay] (none later than
 * `nowMs`) straight into the KVS emulator's entity store, one week at a time, and each week's
 * rollup document built from the same stream by buildRollupWeek. Nothing holds more than one
 * activity at a time besides the store itself. `rollupsOnly` stores the weeks without the
 * activities (enough for the summary, which reads only rollups).
 */
export function loadActivities(store: KvsStore, team: Team, opts: { total: number; fromDay: string; toDay: string; nowMs: number; seed: number; siteUrl: string; rollupsOnly?: boolean }): LoadResult {
  const rnd = seededRandom(opts.seed);
  const weights = ACTIVITY_KINDS.map((k) => KIND_WEIGHTS[k]);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const pickKind = (): ActivityKind => {
    let x = rnd() * weightSum;
    for (let i = 0; i < weights.length; i++) if ((x -= weights[i]) < 0) return ACTIVITY_KINDS[i];
    return ACTIVITY_KINDS[0];
  };
  const firstMs = Date.parse(`${opts.fromDay}T00:00:00.000Z`);
  const days = Math.round((Date.parse(`${opts.toDay}T00:00:00.000Z`) - firstMs) / DAY_MS) + 1;
  const activityNs = { kind: 'entity' as const, name: ENTITY.activity };
  const rollupNs = { kind: 'entity' as const, name: ENTITY.rollupWeek };
  const partNs = { kind: 'entity' as const, name: ENTITY.rollupWeekPart };
  const perDay = new Map<string, number>();
  let serial = 0;

  function make(dayMs: number): Activity {
    const kind = pickKind();
    const jira = kind.startsWith('jira.');
    const tm = team.teammates[Math.floor(rnd() * team.teammates.length)];
    const places = jira ? team.projects : team.spaces;
    // Each person works mostly in a few places: skew towards three of them.
    const container = places[(team.teammates.indexOf(tm) + Math.floor(rnd() * 3) * 5) % places.length];
    const dayEnd = Math.min(dayMs + DAY_MS, opts.nowMs);
    const at = new Date(dayMs + Math.floor(rnd() * (dayEnd - dayMs))).toISOString();
    const n = ++serial;
    const entityNo = 1 + Math.floor(rnd() * 4000);
    const entity = jira
      ? { type: 'issue' as const, id: String(100_000 + entityNo), key: `${container.key}-${entityNo}`, title: `Work item ${entityNo}` }
      : { type: 'page' as const, id: String(900_000 + entityNo), key: String(900_000 + entityNo), title: `Page ${entityNo}` };
    const url = jira ? `${opts.siteUrl}/browse/${entity.key}` : `${opts.siteUrl}/wiki/pages/viewpage.action?pageId=${entity.id}`;
    const id =
      kind === 'jira.worklog' ? activityId.worklog('host', String(n))
      : kind === 'jira.comment' ? activityId.commentCreated('host', String(n))
      : kind === 'confluence.comment' ? activityId.confluenceComment('host', String(n))
      : kind === 'confluence.page.updated' ? activityId.pageUpdated('host', entity.id, n)
      : `${jira ? 'jira' : 'confluence'}:host:bench:${n}`;
    return {
      id,
      source: jira ? 'jira' : 'confluence',
      dataSourceId: 'host',
      kind,
      actorAccountId: tm.accountId,
      teammateId: tm.id,
      at,
      container,
      entity,
      url,
      details: kind === 'jira.worklog' ? { seconds: 900 * (1 + Math.floor(rnd() * 8)), worklogId: String(n) } : {},
    };
  }

  function* weekStream(week: string): Generator<Activity> {
    const weekMs = Date.parse(`${week}T00:00:00.000Z`);
    for (let d = 0; d < 7; d++) {
      const dayMs = weekMs + d * DAY_MS;
      const index = Math.round((dayMs - firstMs) / DAY_MS);
      if (index < 0 || index >= days || dayMs > opts.nowMs) continue;
      const count = Math.floor(((index + 1) * opts.total) / days) - Math.floor((index * opts.total) / days);
      perDay.set(new Date(dayMs).toISOString().slice(0, 10), count);
      for (let i = 0; i < count; i++) {
        const a = make(dayMs);
        if (!opts.rollupsOnly) store.write(activityNs, a.id, encodeActivity(a));
        yield a;
      }
    }
  }

  const weeks = weeksBetween(opts.fromDay, opts.toDay);
  let largestWeekBytes = 0;
  for (const week of weeks) {
    // As the app stores it (src/store/rollup-week-io.ts): a head, and parts for a week too big
    // for one value.
    const body = encodeRollupWeekParts(buildRollupWeek(week, weekStream(week)));
    const value = { week, rev: 1, data: body.data };
    largestWeekBytes = Math.max(largestWeekBytes, Buffer.byteLength(JSON.stringify(value)));
    store.write(rollupNs, KEY.rollupWeek(week), value);
    body.parts.forEach((rows, part) => {
      const p = { week, rev: 1, part, rows };
      largestWeekBytes = Math.max(largestWeekBytes, Buffer.byteLength(JSON.stringify(p)));
      store.write(partNs, KEY.rollupWeekPart(week, part), p);
    });
  }
  if (weekOf(opts.toDay) !== weeks[weeks.length - 1]) throw new Error('the last week is missing');
  return { activities: serial, weeks: weeks.length, perDay, largestWeekBytes };
}
