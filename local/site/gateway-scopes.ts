/**
 * The scopes Atlassian's API gateway requires per operation, copied from the official OpenAPI
 * documents (`x-atlassian-oauth2-scopes` of each operation, or its OAuth2 `security` entry where
 * the document has no such list): each entry lists alternative scope sets, the classic set first
 * and the granular one after it. A token may call the operation when it holds every scope of one
 * set; an empty set needs none. test/site/gateway-scopes.test.ts checks this table against the
 * documents and against every route the emulator serves.
 */
export const GATEWAY_SCOPES: Readonly<Record<string, readonly (readonly string[])[]>> = {
  'GET /rest/api/3/myself': [['read:jira-user'], ['read:application-role:jira', 'read:group:jira', 'read:user:jira', 'read:avatar:jira']],
  'GET /rest/api/3/search/jql': [['read:jira-work'], ['read:issue-details:jira', 'read:audit-log:jira', 'read:avatar:jira', 'read:field-configuration:jira', 'read:issue-meta:jira']],
  'POST /rest/api/3/search/jql': [['read:jira-work'], ['read:issue-details:jira', 'read:field.default-value:jira', 'read:field.option:jira', 'read:field:jira', 'read:group:jira']],
  'POST /rest/api/3/search/approximate-count': [['read:jira-work'], ['read:issue-details:jira', 'read:field.default-value:jira', 'read:field.option:jira', 'read:field:jira', 'read:group:jira']],
  'GET /rest/api/3/search': [['read:jira-work'], ['read:issue-details:jira', 'read:audit-log:jira', 'read:avatar:jira', 'read:field-configuration:jira', 'read:issue-meta:jira']],
  'POST /rest/api/3/search': [['read:jira-work'], ['read:issue-details:jira', 'read:field.default-value:jira', 'read:field.option:jira', 'read:field:jira', 'read:group:jira']],
  'GET /rest/api/3/issue/{issueIdOrKey}': [['read:jira-work'], ['read:issue-meta:jira', 'read:issue-security-level:jira', 'read:issue.vote:jira', 'read:issue.changelog:jira', 'read:avatar:jira', 'read:issue:jira', 'read:status:jira', 'read:user:jira', 'read:field-configuration:jira']],
  'POST /rest/api/3/issue/bulkfetch': [['read:jira-work'], ['read:issue-meta:jira', 'read:issue-security-level:jira', 'read:issue.vote:jira', 'read:issue.changelog:jira', 'read:avatar:jira', 'read:issue:jira', 'read:status:jira', 'read:user:jira', 'read:field-configuration:jira']],
  'POST /rest/api/3/changelog/bulkfetch': [['read:jira-work'], ['read:issue-meta:jira', 'read:avatar:jira', 'read:issue.changelog:jira']],
  'GET /rest/api/3/issue/{issueIdOrKey}/changelog': [['read:jira-work'], ['read:issue-meta:jira', 'read:avatar:jira', 'read:issue.changelog:jira']],
  'GET /rest/api/3/issue/{issueIdOrKey}/comment': [['read:jira-work'], ['read:comment:jira', 'read:comment.property:jira', 'read:group:jira', 'read:project:jira', 'read:project-role:jira', 'read:user:jira', 'read:avatar:jira']],
  'POST /rest/api/3/comment/list': [['read:jira-work'], ['delete:comment.property:jira', 'read:avatar:jira', 'read:comment:jira', 'read:group:jira', 'read:project-role:jira', 'read:user:jira', 'read:comment.property:jira', 'read:project:jira']],
  'GET /rest/api/3/worklog/updated': [['read:jira-work'], ['read:issue-worklog:jira', 'read:issue-worklog.property:jira']],
  'GET /rest/api/3/worklog/deleted': [['read:jira-work'], ['read:issue-worklog:jira', 'read:issue-worklog.property:jira']],
  'POST /rest/api/3/worklog/list': [['read:jira-work'], ['read:comment:jira', 'read:group:jira', 'read:issue-worklog:jira', 'read:issue-worklog.property:jira', 'read:project-role:jira', 'read:user:jira', 'read:avatar:jira']],
  'GET /rest/api/3/issue/{issueIdOrKey}/worklog': [['read:jira-work'], ['read:group:jira', 'read:issue-worklog:jira', 'read:issue-worklog.property:jira', 'read:project-role:jira', 'read:user:jira', 'read:avatar:jira']],
  'GET /rest/api/3/user/search': [['read:jira-user'], ['read:user:jira', 'read:user.property:jira', 'read:application-role:jira', 'read:avatar:jira', 'read:group:jira']],
  'GET /rest/api/3/user': [['read:jira-user'], ['read:application-role:jira', 'read:group:jira', 'read:user:jira', 'read:avatar:jira']],
  'GET /rest/api/3/user/bulk': [['read:jira-user'], ['read:application-role:jira', 'read:group:jira', 'read:user:jira', 'read:avatar:jira']],
  'GET /rest/api/3/user/groups': [['read:jira-user'], ['read:group:jira']],
  'GET /rest/api/3/group/member': [['manage:jira-configuration'], ['read:group:jira', 'read:user:jira', 'read:avatar:jira']],
  'GET /rest/api/3/groups/picker': [['read:jira-user'], ['read:group:jira']],
  'POST /rest/api/3/permissions/check': [[], ['read:permission:jira']],
  'GET /rest/api/3/mypermissions': [['read:jira-work'], ['read:permission:jira']],
  'GET /rest/api/3/project/search': [['read:jira-work'], ['read:issue-type:jira', 'read:project:jira', 'read:project.property:jira', 'read:user:jira', 'read:application-role:jira', 'read:avatar:jira', 'read:group:jira', 'read:issue-type-hierarchy:jira', 'read:project-category:jira', 'read:project-version:jira', 'read:project.component:jira']],
  'GET /rest/api/3/status': [['read:jira-work'], ['read:status:jira']],
  'GET /rest/api/3/serverInfo': [[]],
  'GET /wiki/rest/api/user/current': [['read:confluence-user']],
  'POST /wiki/rest/api/content/{id}/permission/check': [['read:confluence-content.permission']],
  'GET /wiki/rest/api/search': [['search:confluence']],
  'GET /wiki/api/v2/pages': [['read:page:confluence']],
  'GET /wiki/api/v2/pages/{id}': [['read:page:confluence']],
  'GET /wiki/api/v2/pages/{id}/versions': [['read:page:confluence']],
  'GET /wiki/api/v2/blogposts': [['read:page:confluence']],
  'GET /wiki/api/v2/blogposts/{id}': [['read:page:confluence']],
  'GET /wiki/api/v2/blogposts/{id}/versions': [['read:page:confluence']],
  'GET /wiki/api/v2/footer-comments': [['read:comment:confluence']],
  'GET /wiki/api/v2/inline-comments': [['read:comment:confluence']],
  'GET /wiki/api/v2/pages/{id}/footer-comments': [['read:comment:confluence']],
  'GET /wiki/api/v2/pages/{id}/inline-comments': [['read:comment:confluence']],
  'GET /wiki/api/v2/blogposts/{id}/footer-comments': [['read:comment:confluence']],
  'GET /wiki/api/v2/blogposts/{id}/inline-comments': [['read:comment:confluence']],
  'GET /wiki/api/v2/footer-comments/{comment-id}': [['read:comment:confluence']],
  'GET /wiki/api/v2/footer-comments/{id}/versions': [['read:comment:confluence']],
  'GET /wiki/api/v2/footer-comments/{id}/children': [['read:comment:confluence']],
  'GET /wiki/api/v2/inline-comments/{comment-id}': [['read:comment:confluence']],
  'GET /wiki/api/v2/inline-comments/{id}/versions': [['read:comment:confluence']],
  'GET /wiki/api/v2/inline-comments/{id}/children': [['read:comment:confluence']],
  'GET /wiki/api/v2/spaces': [['read:space:confluence']],
  'POST /wiki/api/v2/users-bulk': [['read:user:confluence']],
};

/** Whether a token holding `scopes` may call the operation `METHOD template`; unknown operations never. */
export function scopesAllow(operation: string, scopes: readonly string[]): boolean {
  const alternatives = GATEWAY_SCOPES[operation];
  if (!alternatives) return false;
  const held = new Set(scopes);
  return alternatives.some((set) => set.every((s) => held.has(s)));
}
