import { z } from 'zod';
import type { Route } from '../router';
import { ok, type SiteReply, type SiteRequest } from '../http-types';
import { parseBody } from '../body';

/**
 * POST /wiki/api/v2/content/convert-ids-to-types: up to 100 content ids mapped to their v2 type.
 * Content the caller may not view (space permission or a read restriction on it or an ancestor),
 * or that does not exist, maps to null, as the operation's description says.
 */
const bodySchema = z.object({ contentIds: z.array(z.union([z.string(), z.number()])).max(100) });

function convert(req: SiteRequest): SiteReply {
  const b = parseBody(bodySchema, req.body);
  const results: Record<string, string | null> = {};
  for (const raw of b.contentIds) {
    const id = String(raw);
    results[id] = typeOf(req, id);
  }
  return ok({ results });
}

function typeOf(req: SiteRequest, id: string): string | null {
  const c = req.state.contentsById.get(id);
  if (c) return c.status === 'current' && req.viewer.canSeeContent(c) ? c.type : null;
  for (const content of req.state.liveContents()) {
    const cm = content.comments.find((m) => m.id === id && m.status === 'current');
    if (cm) return req.viewer.canSeeContent(content) ? `${cm.location}-comment` : null;
  }
  return null;
}

export const v2ContentTypeRoutes: Route[] = [{ method: 'POST', template: '/wiki/api/v2/content/convert-ids-to-types', handler: convert }];
