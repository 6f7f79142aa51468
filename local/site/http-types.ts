import type { IncomingHttpHeaders } from 'node:http';
import type { SiteState } from './site-state';
import type { Viewer } from './viewer';

/** Which REST family a path belongs to: each formats its errors differently. */
export type ApiFamily = 'jira' | 'confluence-v1' | 'confluence-v2';

export interface SiteRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** Parsed JSON body (POST); undefined when there was none. */
  readonly body: unknown;
  readonly params: Readonly<Record<string, string>>;
  readonly state: SiteState;
  readonly viewer: Viewer;
  /** Public base of the site, e.g. https://acme.atlassian.net (no /wiki). */
  readonly siteUrl: string;
}

export interface SiteReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (req: SiteRequest) => SiteReply;

/**
 * Thrown by handlers; the router renders it in the error shape of the API family
 * (Jira ErrorCollection, Confluence v1 {statusCode,message}, Confluence v2 {errors:[...]}).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string, fieldErrors?: Record<string, string>): ApiError =>
  new ApiError(400, message, fieldErrors);
export const notFound = (message: string): ApiError => new ApiError(404, message);

export function ok(body: unknown, headers?: Record<string, string>): SiteReply {
  return { status: 200, body, headers };
}
