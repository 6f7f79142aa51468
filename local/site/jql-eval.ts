import type { FixtureIssue } from './fixture-schema';
import { jqlError, parseJql, type JqlExpr, type JqlOrder, type JqlValue } from './jql';
import { parseLocalDate, parseRelative, toMs } from './time';
import type { Viewer } from './viewer';

/**
 * Runs a parsed JQL query over the issues a viewer may see. Date literals are read in the
 * viewer's time zone (as Jira does); plain numbers are epoch milliseconds.
 */

const DATE_FIELDS: Record<string, (i: FixtureIssue) => string | null> = {
  updated: (i) => i.updated,
  updateddate: (i) => i.updated,
  created: (i) => i.created,
  createddate: (i) => i.created,
  resolved: (i) => i.resolutiondate,
  resolutiondate: (i) => i.resolutiondate,
};
const ORDER_FIELDS = new Set(['updated', 'created', 'id', 'key', 'issuekey']);


/** Parses, validates and evaluates; throws 400 ApiErrors with Jira's wording. */
export function runJql(jql: string, viewer: Viewer): FixtureIssue[] {
  const q = parseJql(jql);
  if (q.where === null) {
    throw jqlError('Unbounded JQL queries are not allowed here. Please add a search restriction to your query.');
  }
  for (const o of q.orderBy) {
    if (!ORDER_FIELDS.has(o.field)) throw jqlError(`Not able to sort using field '${o.field}'.`);
  }
  const where = q.where;
  validate(where, viewer);
  const issues = viewer.state.liveIssues().filter((i) => viewer.canSeeIssue(i) && matches(where, i, viewer));
  return issues.sort(comparator(q.orderBy.length > 0 ? q.orderBy : [{ field: 'key', dir: 'desc' }]));
}

function validate(e: JqlExpr, viewer: Viewer): void {
  if (e.kind !== 'clause') {
    if (e.kind === 'not') validate(e.item, viewer);
    else e.items.forEach((x) => validate(x, viewer));
    return;
  }
  const known = ['project', 'issuekey', 'key', 'id', 'status', 'statuscategory', 'assignee', 'reporter', 'creator'];
  if (!(e.field in DATE_FIELDS) && !known.includes(e.field)) {
    throw jqlError(`Field '${e.field}' does not exist or you do not have permission to view it.`);
  }
  if (e.field === 'project') {
    for (const v of e.values) {
      if (v.kind === 'text' && !findProject(v.text, viewer)) {
        throw jqlError(`The value '${v.text}' does not exist for the field 'project'.`);
      }
    }
  }
  if (e.field in DATE_FIELDS) for (const v of e.values) if (v.kind === 'text') dateValue(v.text, e.field, viewer);
}

function findProject(text: string, viewer: Viewer): string | undefined {
  const s = viewer.state;
  const p = s.projectsById.get(text) ?? s.projectsByKey.get(text.toUpperCase()) ?? s.raw.projects.find((x) => x.name.toLowerCase() === text.toLowerCase());
  return p && viewer.canBrowseProject(p) ? p.id : undefined;
}

function dateValue(text: string, field: string, viewer: Viewer): number {
  if (/^\d+$/.test(text)) return Number(text);
  const ms = parseLocalDate(text, viewer.timeZone) ?? parseRelative(text, viewer.state.now());
  if (ms === null) {
    throw jqlError(
      `Date value '${text}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
    );
  }
  return ms;
}

function matches(e: JqlExpr, issue: FixtureIssue, viewer: Viewer): boolean {
  switch (e.kind) {
    case 'and': return e.items.every((x) => matches(x, issue, viewer));
    case 'or': return e.items.some((x) => matches(x, issue, viewer));
    case 'not': return !matches(e.item, issue, viewer);
    case 'clause': return clauseMatches(e, issue, viewer);
  }
}

function clauseMatches(e: Extract<JqlExpr, { kind: 'clause' }>, issue: FixtureIssue, viewer: Viewer): boolean {
  const dateOf = DATE_FIELDS[e.field];
  if (dateOf) {
    const raw = dateOf(issue);
    if (e.op === 'is' || e.op === 'is not') return (raw === null) === (e.op === 'is');
    if (raw === null) return false;
    const at = toMs(raw);
    const vals = e.values.filter((v): v is Extract<JqlValue, { kind: 'text' }> => v.kind === 'text').map((v) => dateValue(v.text, e.field, viewer));
    return compare(e.op, at, vals);
  }
  // `id` compares numerically with > >= < <= ("Issue key" supports them in the JQL fields
  // reference); the id need not exist.
  if (e.field === 'id' && ['>', '>=', '<', '<='].includes(e.op)) {
    const vals = e.values.filter((v): v is Extract<JqlValue, { kind: 'text' }> => v.kind === 'text').map((v) => Number(v.text));
    if (vals.some((v) => !Number.isInteger(v))) throw jqlError(`The value for field 'id' must be a number.`);
    return compare(e.op, Number(issue.id), vals);
  }
  const actual = equalityValues(e.field, issue, viewer);
  if (e.op === 'is' || e.op === 'is not') return (actual.length === 0) === (e.op === 'is');
  const wanted = e.values.map((v) => (v.kind === 'empty' ? '' : v.text.toLowerCase()));
  const hit = actual.some((a) => wanted.includes(a.toLowerCase())) || (actual.length === 0 && wanted.includes(''));
  switch (e.op) {
    case '=': case 'in': return hit;
    case '!=': case 'not in': return !hit;
    default: throw jqlError(`The operator '${e.op}' is not supported by the '${e.field}' field.`);
  }
}

function compare(op: string, at: number, vals: number[]): boolean {
  switch (op) {
    case '=': case 'in': return vals.includes(at);
    case '!=': case 'not in': return !vals.includes(at);
    case '>': return at > vals[0];
    case '>=': return at >= vals[0];
    case '<': return at < vals[0];
    case '<=': return at <= vals[0];
    default: return false;
  }
}

/** The strings an issue answers to for an equality clause on `field`. */
function equalityValues(field: string, issue: FixtureIssue, viewer: Viewer): string[] {
  const s = viewer.state;
  switch (field) {
    case 'project': {
      const p = s.projectsById.get(issue.projectId);
      return p ? [p.id, p.key, p.name] : [];
    }
    case 'issuekey': case 'key': case 'id': return [issue.id, issue.key];
    case 'status': {
      const st = s.statusesById.get(issue.statusId);
      return st ? [st.id, st.name] : [];
    }
    case 'statuscategory': {
      const st = s.statusesById.get(issue.statusId);
      const names = { new: 'To Do', indeterminate: 'In Progress', done: 'Done' } as const;
      return st ? [st.categoryKey, names[st.categoryKey]] : [];
    }
    case 'assignee': return issue.assigneeId ? [issue.assigneeId] : [];
    case 'reporter': return [issue.reporterId];
    case 'creator': return [issue.creatorId];
    default: return [];
  }
}

function comparator(order: JqlOrder[]): (a: FixtureIssue, b: FixtureIssue) => number {
  const keyNum = (i: FixtureIssue): [string, number] => {
    const dash = i.key.lastIndexOf('-');
    return [i.key.slice(0, dash), Number(i.key.slice(dash + 1))];
  };
  return (a, b) => {
    for (const o of order) {
      let c = 0;
      if (o.field === 'updated' || o.field === 'created') c = toMs(a[o.field]) - toMs(b[o.field]);
      else if (o.field === 'id') c = Number(a.id) - Number(b.id);
      else {
        const [pa, na] = keyNum(a);
        const [pb, nb] = keyNum(b);
        c = pa.localeCompare(pb) || na - nb;
      }
      if (c !== 0) return o.dir === 'asc' ? c : -c;
    }
    return Number(a.id) - Number(b.id);
  };
}
