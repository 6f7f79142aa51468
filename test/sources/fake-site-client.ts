import type { HttpMethod, SiteClient, SiteResponse } from '../../src/sources/site-client';

export interface Scripted {
  status?: number;
  body?: unknown;
  /** Raw body text (e.g. a cut-off JSON document). */
  text?: string;
  headers?: Record<string, string>;
  /** Throw instead of answering (a dropped connection). */
  throws?: unknown;
}

export interface LoggedRequest {
  method: HttpMethod;
  path: string;
  body?: unknown;
}

/**
 * A SiteClient that answers from a script (one entry per request, in order) and logs every
 * request, so client tests assert on what was asked as much as on what came back.
 */
export function scriptedClient(script: (Scripted | ((req: LoggedRequest) => Scripted))[], product: 'jira' | 'confluence' = 'jira') {
  const log: LoggedRequest[] = [];
  const client: SiteClient = {
    dataSourceId: 'host',
    product,
    baseUrl: product === 'jira' ? 'https://acme.atlassian.net' : 'https://acme.atlassian.net/wiki',
    async request(method, path, body) {
      const req = { method, path, ...(body === undefined ? {} : { body }) };
      log.push(req);
      const next = script.shift();
      if (!next) throw new Error(`unscripted request ${method} ${path}`);
      const s = typeof next === 'function' ? next(req) : next;
      if (s.throws) throw s.throws;
      const text = s.text ?? (s.body === undefined ? '' : JSON.stringify(s.body));
      const headers = new Map(Object.entries(s.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
      const res: SiteResponse = {
        status: s.status ?? 200,
        headers: { get: (n) => headers.get(n.toLowerCase()) ?? null },
        json: async () => JSON.parse(text),
        text: async () => text,
      };
      return res;
    },
  };
  return { client, log, remaining: () => script.length };
}
