import { z } from 'zod';
import type { Route } from '../router';
import { ApiError, ok, type SiteRequest } from '../http-types';
import { parseBody } from '../body';
import { decodeToken, encodeToken, fingerprint, intParam, listParam } from '../paging';
import { runJql } from '../jql-eval';
import { issueBean, selectFields } from './render-issue';

/**
 * Enhanced JQL search (GET/POST /rest/api/3/search/jql): token paging, `fields` defaulting to
 * ids only, `expand` as a CSV string. The old /rest/api/3/search answers 410 Gone.
 */

const ID_ONLY_MAX = 5000;
const WITH_FIELDS_MAX = 100;

const postSchema = z.strictObject({
  jql: z.string().optional(),
  nextPageToken: z.string().optional(),
  maxResults: z.number().int().min(0).optional(),
  fields: z.array(z.string()).optional(),
  expand: z.string().optional(),
  properties: z.array(z.string()).max(5).optional(),
  fieldsByKeys: z.boolean().optional(),
  failFast: z.boolean().optional(),
  reconcileIssues: z.array(z.number().int()).max(50).optional(),
});

interface SearchArgs {
  jql: string;
  nextPageToken?: string;
  maxResults: number;
  fields: string[];
  expand: string[];
}

function search(req: SiteRequest, args: SearchArgs): ReturnType<typeof ok> {
  const issues = runJql(args.jql, req.viewer);
  const fields = selectFields(args.fields, 'id');
  const expand = new Set(args.expand);
  const cap = fields.size === 0 && !expand.has('changelog') ? ID_ONLY_MAX : WITH_FIELDS_MAX;
  const size = Math.min(Math.max(args.maxResults, 1), cap, req.state.searchPageCap ?? cap);
  const fp = fingerprint(['search/jql', args.jql.trim()]);
  const start = decodeToken(args.nextPageToken, fp);
  const page = issues.slice(start, start + size);
  const isLast = start + size >= issues.length;
  return ok({
    issues: page.map((i) => issueBean(i, fields, expand, req.viewer)),
    ...(isLast ? {} : { nextPageToken: encodeToken(start + size, fp) }),
    isLast,
  });
}

const csv = (values: string[] | string | undefined): string[] =>
  (Array.isArray(values) ? values : values === undefined ? [] : [values]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);

const REMOVED =
  'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046';

export const searchRoutes: Route[] = [
  {
    method: 'GET',
    template: '/rest/api/3/search/jql',
    handler: (req) =>
      search(req, {
        jql: req.query.get('jql') ?? '',
        nextPageToken: req.query.get('nextPageToken') ?? undefined,
        maxResults: intParam(req.query, 'maxResults', 50, 0),
        fields: listParam(req.query, 'fields'),
        expand: listParam(req.query, 'expand'),
      }),
  },
  {
    method: 'POST',
    template: '/rest/api/3/search/jql',
    handler: (req) => {
      const b = parseBody(postSchema, req.body);
      return search(req, {
        jql: b.jql ?? '',
        nextPageToken: b.nextPageToken,
        maxResults: b.maxResults ?? 50,
        fields: csv(b.fields),
        expand: csv(b.expand),
      });
    },
  },
  {
    method: 'POST',
    template: '/rest/api/3/search/approximate-count',
    handler: (req) => ok({ count: runJql(parseBody(z.strictObject({ jql: z.string() }), req.body).jql, req.viewer).length }),
  },
  { method: 'GET', template: '/rest/api/3/search', handler: () => { throw new ApiError(410, REMOVED); } },
  { method: 'POST', template: '/rest/api/3/search', handler: () => { throw new ApiError(410, REMOVED); } },
];
