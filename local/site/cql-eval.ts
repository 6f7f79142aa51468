import type { ContentComment, FixtureContent } from './fixture-schema';
import { ApiError, badRequest } from './http-types';
import { parseJql, type JqlExpr, type JqlOrder } from './jql';
import { parseLocalDate, toMs } from './time';
import type { Viewer } from './viewer';

/**
 * A CQL subset. CQL shares JQL's grammar (clauses, AND/OR/NOT, parentheses, ORDER BY), so the
 * JQL parser is reused; the fields differ: type, space, id, title, created, lastmodified,
 * creator, contributor. Date literals ("yyyy-MM-dd[ HH:mm]", also with '/') are read in the
 * caller's time zone; epoch numbers and functions such as now() are rejected.
 */

export interface CqlEntity {
  kind: 'page' | 'blogpost' | 'comment';
  content: FixtureContent;
  comment?: ContentComment;
  id: string;
  spaceKey: string;
  title: string;
  created: number;
  lastModified: number;
  creator: string;
  contributors: Set<string>;
}

const FIELDS = new Set(['type', 'space', 'space.key', 'id', 'content', 'container', 'title', 'created', 'lastmodified', 'creator', 'contributor']);
const ORDER_FIELDS = new Set(['lastmodified', 'created', 'title', 'id']);

/** What CQL reads of a version history, kept per history until it changes (a version added). */
interface HistoryFacts {
  length: number;
  last: string;
  created: number;
  lastModified: number;
  creator: string;
  contributors: Set<string>;
}
const historyFacts = new WeakMap<object, HistoryFacts>();

/** Every search would otherwise parse the dates and collect the authors of every page and comment again. */
function factsOf(versions: { createdAt: string; authorId: string }[]): HistoryFacts {
  const last = versions[versions.length - 1].createdAt;
  const hit = historyFacts.get(versions);
  if (hit && hit.length === versions.length && hit.last === last) return hit;
  const facts = { length: versions.length, last, created: toMs(versions[0].createdAt), lastModified: toMs(last), creator: versions[0].authorId, contributors: new Set(versions.map((v) => v.authorId)) };
  historyFacts.set(versions, facts);
  return facts;
}

export function cqlEntities(viewer: Viewer): CqlEntity[] {
  const out: CqlEntity[] = [];
  // CQL searches current content unless `cqlcontext` asks for other statuses (only current,
  // draft and archived can be asked for: https://jira.atlassian.com/browse/CONFCLOUD-82848).
  for (const c of viewer.state.liveContents().filter((x) => x.status === 'current')) {
    const space = viewer.state.spacesById.get(c.spaceId);
    if (!space || !viewer.canSeeContent(c)) continue;
    const f = factsOf(c.versions);
    out.push({
      kind: c.type, content: c, id: c.id, spaceKey: space.key, title: c.title,
      created: f.created, lastModified: f.lastModified, creator: f.creator, contributors: f.contributors,
    });
    for (const cm of c.comments) {
      if (cm.status !== 'current') continue;
      const g = factsOf(cm.versions);
      out.push({
        kind: 'comment', content: c, comment: cm, id: cm.id, spaceKey: space.key, title: `Re: ${c.title}`,
        created: g.created, lastModified: g.lastModified, creator: g.creator, contributors: g.contributors,
      });
    }
  }
  return out;
}

export function runCql(cql: string, viewer: Viewer): CqlEntity[] {
  let parsed;
  try {
    parsed = parseJql(cql);
  } catch (err) {
    throw cqlError(cql, err instanceof ApiError ? err.message : String(err));
  }
  if (parsed.where === null) throw cqlError(cql, 'a CQL query needs at least one clause');
  for (const o of parsed.orderBy) if (!ORDER_FIELDS.has(o.field)) throw cqlError(cql, `cannot order by '${o.field}'`);
  const where = parsed.where;
  validate(where, cql, viewer);
  const order: JqlOrder[] = parsed.orderBy.length > 0 ? parsed.orderBy : [{ field: 'lastmodified', dir: 'desc' }];
  const indexedBefore = viewer.state.now() - viewer.state.cqlIndexLagMs;
  return cqlEntities(viewer)
    .filter((e) => (viewer.state.cqlIndexLagMs === 0 || e.created <= indexedBefore) && matches(where, e, viewer))
    .sort((a, b) => {
      for (const o of order) {
        const c = o.field === 'title' ? a.title.localeCompare(b.title) : o.field === 'id' ? Number(a.id) - Number(b.id) : o.field === 'created' ? a.created - b.created : a.lastModified - b.lastModified;
        if (c !== 0) return o.dir === 'asc' ? c : -c;
      }
      return Number(a.id) - Number(b.id);
    });
}

function cqlError(cql: string, detail: string): ApiError {
  return badRequest(`com.atlassian.confluence.api.service.exceptions.BadRequestException: Could not parse cql : ${cql} (${detail})`);
}

function validate(e: JqlExpr, cql: string, viewer: Viewer): void {
  if (e.kind !== 'clause') {
    if (e.kind === 'not') validate(e.item, cql, viewer);
    else e.items.forEach((x) => validate(x, cql, viewer));
    return;
  }
  if (!FIELDS.has(e.field)) throw cqlError(cql, `unknown field '${e.field}'`);
  if (e.field === 'created' || e.field === 'lastmodified') {
    for (const v of e.values) if (v.kind === 'text') dateOf(v.text, cql, viewer);
  }
  if (e.field === 'type') {
    for (const v of e.values) {
      if (v.kind === 'text' && !['page', 'blogpost', 'comment', 'attachment'].includes(v.text)) throw cqlError(cql, `unknown type '${v.text}'`);
    }
  }
}

function dateOf(text: string, cql: string, viewer: Viewer): number {
  const ms = parseLocalDate(text, viewer.timeZone);
  if (ms === null) throw cqlError(cql, `'${text}' is not a date: use "yyyy-MM-dd", "yyyy/MM/dd" or either with " HH:mm"`);
  return ms;
}

function matches(e: JqlExpr, x: CqlEntity, viewer: Viewer): boolean {
  if (e.kind === 'and') return e.items.every((i) => matches(i, x, viewer));
  if (e.kind === 'or') return e.items.some((i) => matches(i, x, viewer));
  if (e.kind === 'not') return !matches(e.item, x, viewer);
  const texts = e.values.map((v) => (v.kind === 'text' ? v.text : ''));
  if (e.field === 'created' || e.field === 'lastmodified') {
    const at = e.field === 'created' ? x.created : x.lastModified;
    const v = dateOf(texts[0], '', viewer);
    switch (e.op) {
      case '>': return at > v;
      case '>=': return at >= v;
      case '<': return at < v;
      case '<=': return at <= v;
      case '=': return at === v;
      case '!=': return at !== v;
      default: return false;
    }
  }
  const actual: string[] =
    e.field === 'type' ? [x.kind]
      : e.field === 'space' || e.field === 'space.key' ? [x.spaceKey]
        : e.field === 'id' || e.field === 'content' ? [x.id]
          // "content that is contained in the content with the given ID": a comment's page.
          : e.field === 'container' ? (x.comment ? [x.content.id] : [])
          : e.field === 'title' ? [x.title]
            : e.field === 'creator' ? [x.creator]
              : [...x.contributors];
  const hit = actual.some((a) => texts.includes(a));
  if (e.op === '=' || e.op === 'in') return hit;
  if (e.op === '!=' || e.op === 'not in') return !hit;
  throw badRequest(`The operator '${e.op}' is not supported for '${e.field}'.`);
}
