import { ACTIVITY_KINDS, sourceOfKind, type ActivityKind } from '../domain/activity';

export { ACTIVITY_KINDS, sourceOfKind, type ActivityKind };

/**
 * Every word the app shows for an activity kind, in one table: one event ("Issue created", a
 * feed row, a CSV line, the gadget), a total's heading ("Issues created", the dashboard), and
 * the noun after a count ("12 issues created", the admin page's run history).
 */
const KIND_WORDS: Record<ActivityKind, { one: string; total: string; counted: string; countedOne: string }> = {
  'jira.issue.created': { one: 'Issue created', total: 'Issues created', counted: 'issues created', countedOne: 'issue created' },
  'jira.issue.updated': { one: 'Issue updated', total: 'Issues updated', counted: 'issue updates', countedOne: 'issue update' },
  'jira.issue.resolved': { one: 'Issue resolved', total: 'Issues resolved', counted: 'issues resolved', countedOne: 'issue resolved' },
  'jira.comment': { one: 'Jira comment', total: 'Jira comments', counted: 'Jira comments', countedOne: 'Jira comment' },
  'jira.worklog': { one: 'Worklog', total: 'Worklogs', counted: 'worklogs', countedOne: 'worklog' },
  'confluence.page.created': { one: 'Page created', total: 'Pages created', counted: 'pages created', countedOne: 'page created' },
  'confluence.page.updated': { one: 'Page updated', total: 'Pages updated', counted: 'page updates', countedOne: 'page update' },
  'confluence.comment': { one: 'Confluence comment', total: 'Confluence comments', counted: 'Confluence comments', countedOne: 'Confluence comment' },
};

/** `1 activity`, `2 activities`: the one place a count meets its noun. */
export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** `1 issue created`, `2 issues created`. Kinds this build does not know are shown as sent. */
export function kindCount(n: number, kind: string): string {
  if (!Object.prototype.hasOwnProperty.call(KIND_WORDS, kind)) return `${n.toLocaleString('en-US')} ${kind}`;
  const w = KIND_WORDS[kind as ActivityKind];
  return plural(n, w.countedOne, w.counted);
}

const wordsFor = (pick: 'one' | 'total') =>
  Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, KIND_WORDS[k][pick]])) as Record<ActivityKind, string>;

/** One event of the kind: "Issue created". */
export const KIND_LABELS = wordsFor('one');
/** A total of the kind: "Issues created". */
export const KIND_TOTAL_LABELS = wordsFor('total');

/** The noun after a count: "issues created". Kinds this build does not know are shown as sent. */
export function kindCountLabel(kind: string): string {
  return Object.prototype.hasOwnProperty.call(KIND_WORDS, kind) ? KIND_WORDS[kind as ActivityKind].counted : kind;
}
