/**
 * The streams a data source is read in, in the order a run reads them. Each has its own cursor
 * and lease; a run record keeps its progress by these ids, so they are stored names: never
 * rename one without moving what is stored under it.
 */
export const STREAM_IDS = ['jira-issues', 'jira-worklogs', 'confluence-content', 'confluence-comments', 'sweep'] as const;
export type StreamId = (typeof STREAM_IDS)[number];

/** The ids by name, for code that means one stream. */
export const STREAM = {
  jiraIssues: 'jira-issues',
  jiraWorklogs: 'jira-worklogs',
  confluenceContent: 'confluence-content',
  confluenceComments: 'confluence-comments',
  /** The deletion check: read only by sweep runs (see `skipReason` in the sync). */
  sweep: 'sweep',
} as const satisfies Record<string, StreamId>;
