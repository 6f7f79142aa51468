import { ACTIVITY_KINDS, sourceOfKind, type ActivityKind } from '../domain/activity';

export { ACTIVITY_KINDS, sourceOfKind, type ActivityKind };

/**
 * Every word the app shows for an activity kind, in one table: one event ("Issue created", a
 * feed row, a CSV line, the gadget), a total's heading ("Issues created", the dashboard), and
 * the noun after a count ("12 issues created", the admin page's run history).
 */
const KIND_WORDS: Record<ActivityKind, { one: string; total: string; counted: string }> = {
  'jira.issue.created': { one: 'Issue created', total: 'Issues created', counted: 'issues created' },
  'jira.issue.updated': { one: 'Issue updated', total: 'Issues updated', counted: 'issue updates' },
  'jira.issue.resolved': { one: 'Issue resolved', total: 'Issues resolved', counted: 'issues resolved' },
  'jira.comment': { one: 'Jira comment', total: 'Jira comments', counted: 'Jira comments' },
  'jira.worklog': { one: 'Worklog', total: 'Worklogs', counted: 'worklogs' },
  'confluence.page.created': { one: 'Page created', total: 'Pages created', counted: 'pages created' },
  'confluence.page.updated': { one: 'Page updated', total: 'Pages updated', counted: 'page updates' },
  'confluence.comment': { one: 'Confluence comment', total: 'Confluence comments', counted: 'Confluence comments' },
};

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
