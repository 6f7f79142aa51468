import type { RequestDeviations } from '../openapi/request-validator';


/**
 * The one list of requests the app knowingly sends although the official OpenAPI documents do
 * not define them. The site emulator checks every request against the documents
 * (local/openapi/request-validator.ts) and answers anything else with 400; each entry here names
 * the public documentation that justifies it. Add an entry only with such a source: a request
 * the documents do not define is otherwise a bug that a real site would answer with an error.
 */
export const SPEC_DEVIATIONS: RequestDeviations = {
  pathPrefixes: [
    {
      // Scoped API tokens reach Jira and Confluence through the api.atlassian.com gateway:
      // https://api.atlassian.com/ex/jira/{cloudId}/rest/api/3/... and
      // https://api.atlassian.com/ex/confluence/{cloudId}/wiki/... The documents describe the
      // paths after the prefix.
      pattern: /^\/ex\/(jira|confluence)\/[^/]+(?=\/)/,
      doc: 'https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/',
    },
  ],
  endpoints: [
    {
      // A site's cloud id, needed for the gateway above; public, outside the REST APIs.
      method: 'GET',
      path: /^\/_edge\/tenant_info$/,
      doc: 'https://support.atlassian.com/jira/kb/retrieve-my-atlassian-sites-cloud-id/',
    },
  ],
  queryParameters: [],
};
