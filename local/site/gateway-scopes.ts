import { loadSpec, locate, type Json } from '../openapi/documents';

/**
 * The scopes Atlassian's API gateway requires per operation, read from the official OpenAPI
 * documents: each operation's `x-atlassian-oauth2-scopes` (the classic set, then the granular
 * one), or its OAuth2 `security` entry where the document has no such list. A token may call the
 * operation when it holds every scope of one set; an empty set needs none.
 */
const cache = new Map<string, readonly (readonly string[])[]>();

export function gatewayScopes(method: string, template: string): readonly (readonly string[])[] {
  const key = `${method} ${template}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const { spec, specPath } = locate(template);
  const paths = (loadSpec(spec).paths ?? {}) as Record<string, Record<string, Json>>;
  const op = paths[specPath]?.[method.toLowerCase()];
  const listed = (op?.['x-atlassian-oauth2-scopes'] as { scopes: string[] }[] | undefined)?.map((x) => x.scopes);
  const security = ((op?.security ?? []) as Record<string, string[]>[]).flatMap((s) => Object.entries(s).filter(([k]) => k !== 'basicAuth').map(([, v]) => v));
  const sets = listed ?? security;
  const unique = sets.filter((s, i) => sets.findIndex((o) => o.join(' ') === s.join(' ')) === i);
  cache.set(key, unique);
  return unique;
}

/** Whether a token holding `scopes` may call `method template`; an operation with no scopes listed never. */
export function scopesAllow(method: string, template: string, scopes: readonly string[]): boolean {
  const held = new Set(scopes);
  return gatewayScopes(method, template).some((set) => set.every((s) => held.has(s)));
}
