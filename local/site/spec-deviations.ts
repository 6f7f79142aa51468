import type { Json, SpecName } from '../openapi/documents';
import type { RequestDeviations } from '../openapi/request-validator';

/**
 * The one list of places where the emulator knowingly departs from the official OpenAPI
 * documents: requests the app sends that they do not define (SPEC_DEVIATIONS) and answers the
 * live APIs give that their schemas do not allow (RESPONSE_DEVIATIONS, applied by the contract
 * test). Each entry names the public documentation that justifies it.
 *
 * The site emulator checks every request against the documents
 * (local/openapi/request-validator.ts) and answers anything they do not define with 400. Add an
 * entry only with a public source: a request the documents do not define is otherwise a bug that
 * a real site would answer with an error.
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

export interface ResponseDeviation {
  readonly spec: SpecName;
  readonly doc: string;
  /** Loosens the component schemas (already copied) the way the live API answers. */
  readonly patch: (defs: Record<string, Json>) => void;
}

export const RESPONSE_DEVIATIONS: readonly ResponseDeviation[] = [
  {
    // Jira sends null for an empty changelog from/to value although ChangeDetails says string;
    // the document's own example for this operation shows "from": null, "to": null.
    spec: 'jira',
    doc: 'https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-changelog-get',
    patch: (defs) => {
      const props = (defs.ChangeDetails.properties ?? {}) as Record<string, Json>;
      for (const k of ['from', 'fromString', 'to', 'toString']) props[k] = { anyOf: [props[k], { type: 'null' }] };
    },
  },
  {
    // convert-ids-to-types maps content the caller may not view to null, as the operation's
    // description says, although its response schema allows only strings.
    spec: 'confluence-v2',
    doc: 'https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-content/#api-content-convert-ids-to-types-post',
    patch: (defs) => {
      const results = ((defs.ContentIdToContentTypeResponse?.properties ?? {}) as Record<string, Json>).results as Record<string, Json> | undefined;
      if (results) results.additionalProperties = { anyOf: [results.additionalProperties, { type: 'null' }] };
    },
  },
];

