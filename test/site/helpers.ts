import http from 'node:http';

/**
 * A tiny HTTP client over node:http (not global fetch, which the local runtime wraps with an
 * egress check) so the tests see exactly what the emulator sends, including broken bodies.
 */

export type Auth = { token: [email: string, token: string] } | { forge: string } | { none: true };

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: unknown;
}

export interface CallOptions {
  site?: string;
  /** The whole forwarded host (e.g. api.atlassian.com); default `<site>.atlassian.net`. */
  host?: string;
  auth?: Auth;
  body?: unknown;
}

export async function call(baseUrl: string, method: 'GET' | 'POST', path: string, opts: CallOptions = {}): Promise<Reply> {
  const auth = opts.auth ?? { forge: 'app' };
  const headers: Record<string, string> = {
    'x-forwarded-host': opts.host ?? `${opts.site ?? 'acme'}.atlassian.net`,
    accept: 'application/json',
  };
  if ('token' in auth) headers.authorization = `Basic ${Buffer.from(`${auth.token[0]}:${auth.token[1]}`).toString('base64')}`;
  if ('forge' in auth) headers['x-forge-identity'] = auth.forge;
  const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  if (payload !== undefined) headers['content-type'] = 'application/json';
  const url = new URL(path, baseUrl);
  return new Promise<Reply>((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = text === '' ? undefined : JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

/** Loosely typed JSON for assertions on response bodies. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions index freely into bodies
export type Json = any;

export const asUser = (accountId: string): Auth => ({ forge: `user:${accountId}` });
export const APP: Auth = { forge: 'app' };
