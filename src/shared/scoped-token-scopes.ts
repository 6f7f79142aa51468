/**
 * The scopes a scoped API token needs for what ActivityPulse reads on another site: per product,
 * the classic scopes (the first scope set each operation lists in the official OpenAPI documents)
 * of every operation the app calls there. Confluence's v2 operations list only granular scopes.
 * Shown on the admin page and in the README; test/sync/scoped-token-source.test.ts syncs a source
 * whose token has exactly these and checks that every one of them was needed.
 */
export const SCOPED_TOKEN_SCOPES = {
  jira: ['read:jira-work', 'read:jira-user'],
  confluence: ['read:confluence-user', 'search:confluence', 'read:page:confluence', 'read:comment:confluence', 'read:space:confluence'],
} as const;

export const ALL_SCOPED_TOKEN_SCOPES: readonly string[] = [...SCOPED_TOKEN_SCOPES.jira, ...SCOPED_TOKEN_SCOPES.confluence];
