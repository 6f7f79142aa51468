import { z } from 'zod';
import type { Route } from '../router';
import { ok } from '../http-types';
import { parseBody } from '../body';
import { listParam } from '../paging';
import { issueBean, selectFields } from './render-issue';
import { pathIssue } from './issue-access';

/**
 * POST /rest/api/3/issue/bulkfetch: up to 100 issues by id or key, `fields` defaulting to
 * `*navigable`, `expand` as a list. Issues that do not exist or cannot be seen are left out;
 * issues set up with `failBulkfetch` are reported in `issueErrors` (`{id, errorMessage}`).
 * GET /rest/api/3/issue/{issueIdOrKey} serves one issue (404 when missing or hidden).
 */
const bodySchema = z.strictObject({
  issueIdsOrKeys: z.array(z.string()).min(1).max(100),
  fields: z.array(z.string()).optional(),
  expand: z.array(z.string()).optional(),
  properties: z.array(z.string()).max(5).optional(),
  fieldsByKeys: z.boolean().optional(),
});

export const bulkfetchRoutes: Route[] = [
  {
    method: 'GET',
    template: '/rest/api/3/issue/{issueIdOrKey}',
    handler: (req) =>
      ok(issueBean(pathIssue(req), selectFields(listParam(req.query, 'fields'), 'navigable'), new Set(listParam(req.query, 'expand')), req.viewer)),
  },
  {
    method: 'POST',
    template: '/rest/api/3/issue/bulkfetch',
    handler: (req) => {
      const b = parseBody(bodySchema, req.body);
      const fields = selectFields(b.fields ?? [], 'navigable');
      const expand = new Set(b.expand ?? []);
      const seen = new Set<string>();
      const issues = [];
      const issueErrors: { id: string; errorMessage: string }[] = [];
      for (const idOrKey of b.issueIdsOrKeys) {
        const issue = req.state.issue(idOrKey);
        if (!req.viewer.canSeeIssue(issue) || seen.has(issue.id)) continue;
        seen.add(issue.id);
        const failures = req.state.bulkfetchFailures.get(issue.id) ?? 0;
        if (failures > 0) {
          req.state.bulkfetchFailures.set(issue.id, failures - 1);
          issueErrors.push({ id: issue.id, errorMessage: 'The issue could not be retrieved. Try again later.' });
          continue;
        }
        issues.push(issueBean(issue, fields, expand, req.viewer));
      }
      return ok({ issues, issueErrors });
    },
  },
];
