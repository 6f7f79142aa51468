/**
 * The largest page each endpoint serves, from Atlassian's API documents. The sync asks for
 * these sizes and the CLI uses them to print the lowest possible call count for a site.
 */
export const PAGE_LIMITS = {
  /** search/jql with fields=id: "max 5000 issues". */
  jqlIds: 5000,
  /** issue/bulkfetch: up to 100 issue ids or keys. */
  issueBulkfetch: 100,
  /** changelog/bulkfetch: 1–1000 issues, up to 10000 histories per page. */
  changelogIssues: 1000,
  changelogResults: 10000,
  /** issue/{id}/comment and issue/{id}/changelog: 100 per page by default. */
  issueComments: 100,
  issueChangelog: 100,
  /** comment/list and worklog/list: up to 1000 ids. */
  commentList: 1000,
  worklogList: 1000,
  /** worklog/updated and worklog/deleted: up to 1000 per page. */
  worklogFeed: 1000,
  /** CQL search: the default is 25 and larger limits are silently capped (50 seen). */
  cql: 50,
  /** Confluence v2 convert-ids-to-types: `contentIds` maxItems 100. */
  contentTypes: 100,
  /** Confluence v2 lists: max 250. */
  confluenceV2: 250,
} as const;
