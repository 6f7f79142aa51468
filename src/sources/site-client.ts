/**
 * How the sources layer reaches a Jira or Confluence site. The platform layer provides the
 * implementations (the host site through Forge as the app, other Cloud sites through fetch with
 * an API token); tests use a scripted fake. Paths are already encoded by the caller.
 */
export type Product = 'jira' | 'confluence';
export type HttpMethod = 'GET' | 'POST';

export interface SiteResponse {
  status: number;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  text(): Promise<string>;
}

export interface SiteClient {
  /** 'host' for the host site. */
  readonly dataSourceId: string;
  readonly product: Product;
  /** https://acme.atlassian.net, or https://acme.atlassian.net/wiki for Confluence. */
  readonly baseUrl: string;
  /** `path` starts with /rest (Jira) or /wiki (Confluence). */
  request(method: HttpMethod, path: string, body?: unknown): Promise<SiteResponse>;
}

/**
 * A client with `inner`'s identity (data source, product, base URL) whose requests go through
 * `request`: how every layer (deadline, site gate, login check, retries) wraps the one below.
 */
export function decorateClient(inner: SiteClient, request: SiteClient['request']): SiteClient {
  return { dataSourceId: inner.dataSourceId, product: inner.product, baseUrl: inner.baseUrl, request };
}

/** Builds `path?query` with every value encoded; undefined values are left out. */
export function withQuery(path: string, query: Record<string, string | number | boolean | undefined | string[]>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined) continue;
    const values = Array.isArray(v) ? v : [v];
    for (const one of values) parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(one))}`);
  }
  return parts.length ? `${path}?${parts.join('&')}` : path;
}

/** Encodes one path segment (an issue key, a page id) so it cannot change the path. */
export function segment(value: string): string {
  if (value === '' || value === '.' || value === '..') throw new Error('an empty or dot path segment is not allowed');
  return encodeURIComponent(value);
}

/** Jira ids are int64 in request bodies; anything that is not a plain number goes as text. */
export function numericId(id: string): number | string {
  return /^\d{1,15}$/.test(id) ? Number(id) : id;
}
