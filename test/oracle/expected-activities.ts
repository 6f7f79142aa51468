import type { FixtureContent, FixtureIssue, SiteFixture } from '../../local/site/fixture-schema';
import { type Activity, type ActivityKind, type Container, type ItemRestriction, activityId, sourceOfKind } from '../../src/domain/activity';

/**
 * The test oracle: what the sync should have stored for a site, computed straight from the site
 * fixture by the attribution table in docs/architecture.md. It shares nothing with the sync code
 * except the Activity type and the id functions, so a wrong rule in either shows up as a diff.
 */
export interface OracleOptions {
  dataSourceId: string;
  /** https://<name>.atlassian.net, no trailing slash; Confluence is under /wiki. */
  siteUrl: string;
  /** accountId → teammateId; anyone else's activity is not stored. */
  mapping: ReadonlyMap<string, string>;
  /** The window is closed-open: since <= at < until. */
  since: string | number | Date;
  until: string | number | Date;
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:Z|([+-])(\d{2}):?(\d{2}))$/;

/** Epoch ms of an ISO instant, any offset style (Z, +05:30, -0800). Throws on anything else. */
export function instantMs(value: string): number {
  const m = INSTANT.exec(value);
  if (!m) throw new Error(`oracle: not an ISO instant with a zone: ${value}`);
  const [, y, mo, d, h, mi, s = '0', frac = '0', sign, oh = '0', om = '0'] = m;
  const local = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, Number(frac.padEnd(3, '0').slice(0, 3)));
  const offset = (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  return local - offset * 60_000;
}

function toMs(t: string | number | Date): number {
  if (typeof t === 'number') return t;
  if (t instanceof Date) return t.getTime();
  return instantMs(t);
}

function uniqueFieldIds(items: { fieldId: string }[]): string[] {
  return [...new Set(items.map((i) => i.fieldId))];
}

export function expectedActivities(fixture: SiteFixture, o: OracleOptions): Activity[] {
  const since = toMs(o.since);
  const until = toMs(o.until);
  const out: Activity[] = [];
  const restrictedOf = itemRestrictions(fixture, o.dataSourceId);
  const emit = (
    id: string,
    kind: ActivityKind,
    actor: string | null,
    at: string,
    container: Container,
    entity: Activity['entity'],
    url: string,
    details: Activity['details'],
  ): void => {
    if (actor === null) return; // automation: nobody to credit
    const teammateId = o.mapping.get(actor);
    if (teammateId === undefined) return;
    const ms = instantMs(at);
    if (ms < since || ms >= until) return;
    out.push({
      id,
      source: sourceOfKind(kind),
      dataSourceId: o.dataSourceId,
      kind,
      actorAccountId: actor,
      teammateId,
      at: new Date(ms).toISOString(),
      container,
      entity,
      url,
      details,
      restricted: restrictedOf(entity),
    });
  };
  jiraActivities(fixture, o, emit);
  if (fixture.confluence) confluenceActivities(fixture, o, emit);
  return out.sort((a, b) => (a.at === b.at ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.at < b.at ? -1 : 1));
}

/**
 * Whether the item is seen by fewer people than its project or space, as the sync records it for
 * another site: an issue security level; a read restriction on the page or an ancestor, where
 * only current content can be read (anything else leaves it unknown unless a readable one is
 * restricted). The host records 'unknown': each viewer's own access is asked there.
 */
function itemRestrictions(f: SiteFixture, dataSourceId: string): (entity: Activity['entity']) => ItemRestriction {
  const issues = new Map(f.issues.map((i) => [i.id, i]));
  const contents = new Map(f.contents.map((c) => [c.id, c]));
  return (entity) => {
    if (dataSourceId === 'host') return 'unknown';
    if (entity.type === 'issue') return issues.get(entity.id)?.securityLevelId !== undefined;
    const own: Array<boolean | undefined> = [];
    const seen = new Set<string>();
    for (let c = contents.get(entity.id); c && !seen.has(c.id); c = c.parentId ? contents.get(c.parentId) : undefined) {
      seen.add(c.id);
      own.push(c.status === 'current' ? (c.readRestrictions?.groups.length ?? 0) + (c.readRestrictions?.accountIds.length ?? 0) > 0 : undefined);
    }
    if (own.includes(true)) return true;
    return own.every((x) => x === false) ? false : 'unknown';
  };
}

type Emit = (
  id: string,
  kind: ActivityKind,
  actor: string | null,
  at: string,
  container: Container,
  entity: Activity['entity'],
  url: string,
  details: Activity['details'],
) => void;

function jiraActivities(f: SiteFixture, o: OracleOptions, emit: Emit): void {
  const ds = o.dataSourceId;
  const projects = new Map(f.projects.map((p) => [p.id, p]));
  const doneStatus = new Set(f.statuses.filter((s) => s.categoryKey === 'done').map((s) => s.id));
  for (const issue of f.issues) {
    if (issue.deletedAt) continue;
    const p = projects.get(issue.projectId);
    if (!p) throw new Error(`oracle: issue ${issue.key} names unknown project ${issue.projectId}`);
    const container: Container = { type: 'project', id: p.id, key: p.key, name: p.name };
    const entity = { type: 'issue' as const, id: issue.id, key: issue.key, title: issue.summary };
    const url = `${o.siteUrl}/browse/${issue.key}`;
    emit(activityId.issueCreated(ds, issue.id), 'jira.issue.created', issue.creatorId, issue.created, container, entity, url, {});
    for (const h of issue.changelog) {
      const details = { fields: uniqueFieldIds(h.items), changeId: h.id };
      emit(activityId.issueUpdated(ds, issue.id, h.id), 'jira.issue.updated', h.authorId, h.created, container, entity, url, details);
      if (resolves(h.items, doneStatus)) {
        emit(activityId.issueResolved(ds, issue.id, h.id), 'jira.issue.resolved', h.authorId, h.created, container, entity, url, { ...details, fields: [...details.fields] });
      }
    }
    commentsAndWorklogs(issue, ds, o.siteUrl, container, entity, emit);
  }
}

/** Sets a non-empty resolution, or moves status from a non-done into a done-category status. */
function resolves(items: FixtureIssue['changelog'][number]['items'], done: Set<string>): boolean {
  return items.some(
    (it) =>
      (it.fieldId === 'resolution' && it.to !== null && it.to !== '') ||
      (it.fieldId === 'status' && it.to !== null && done.has(it.to) && !(it.from !== null && done.has(it.from))),
  );
}

function commentsAndWorklogs(issue: FixtureIssue, ds: string, siteUrl: string, container: Container, entity: Activity['entity'], emit: Emit): void {
  for (const c of issue.comments) {
    if (c.deletedAt) continue;
    const url = `${siteUrl}/browse/${issue.key}?focusedCommentId=${c.id}`;
    emit(activityId.commentCreated(ds, c.id), 'jira.comment', c.authorId, c.created, container, entity, url, { action: 'created', commentId: c.id });
    if (instantMs(c.updated) > instantMs(c.created)) {
      emit(activityId.commentEdited(ds, c.id), 'jira.comment', c.updateAuthorId, c.updated, container, entity, url, { action: 'edited', commentId: c.id });
    }
  }
  for (const w of issue.worklogs) {
    if (w.deletedAt) continue;
    const url = `${siteUrl}/browse/${issue.key}?focusedWorklogId=${w.id}`;
    emit(activityId.worklog(ds, w.id), 'jira.worklog', w.authorId, w.started, container, entity, url, { seconds: w.timeSpentSeconds, worklogId: w.id });
  }
}

function confluenceActivities(f: SiteFixture, o: OracleOptions, emit: Emit): void {
  const ds = o.dataSourceId;
  const spaces = new Map(f.spaces.map((s) => [s.id, s]));
  for (const c of f.contents) {
    // Archived pages keep their history; trashed, deleted and draft content has none.
    if (c.status !== 'current' && c.status !== 'archived') continue;
    const s = spaces.get(c.spaceId);
    if (!s) throw new Error(`oracle: content ${c.id} names unknown space ${c.spaceId}`);
    const container: Container = { type: 'space', id: s.id, key: s.key, name: s.name };
    const entity = { type: c.type, id: c.id, key: c.id, title: c.title };
    const url = `${o.siteUrl}/wiki/pages/viewpage.action?pageId=${c.id}`;
    emit(activityId.pageCreated(ds, c.id), 'confluence.page.created', c.authorId, c.createdAt, container, entity, url, {});
    for (const v of c.versions) {
      if (v.number < 2) continue;
      emit(activityId.pageUpdated(ds, c.id, v.number), 'confluence.page.updated', v.authorId, v.createdAt, container, entity, url, { version: v.number });
    }
    pageComments(c, ds, url, container, entity, emit);
  }
}

function pageComments(c: FixtureContent, ds: string, pageUrl: string, container: Container, entity: Activity['entity'], emit: Emit): void {
  for (const cm of c.comments) {
    if (cm.status !== 'current') continue;
    const first = cm.versions.reduce((a, b) => (b.number < a.number ? b : a));
    emit(activityId.confluenceComment(ds, cm.id), 'confluence.comment', first.authorId, first.createdAt, container, entity, `${pageUrl}&focusedCommentId=${cm.id}`, { commentId: cm.id });
  }
}
