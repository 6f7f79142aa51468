import type { ApiFamily, Handler } from './http-types';

export interface Route {
  readonly method: 'GET' | 'POST';
  /** e.g. /rest/api/3/issue/{issueIdOrKey}/changelog */
  readonly template: string;
  readonly handler: Handler;
}

interface Compiled extends Route {
  readonly regex: RegExp;
  readonly names: string[];
}

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'wrong-method'; template: string }
  | { kind: 'none' };

export function familyOf(path: string): ApiFamily {
  if (path.startsWith('/wiki/api/v2/')) return 'confluence-v2';
  if (path.startsWith('/wiki/')) return 'confluence-v1';
  return 'jira';
}

export class Router {
  private readonly routes: Compiled[] = [];

  add(routes: readonly Route[]): this {
    for (const r of routes) {
      const names: string[] = [];
      const pattern = r.template
        .split('/')
        .map((seg) => {
          const m = /^\{(.+)\}$/.exec(seg);
          if (!m) return seg.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
          names.push(m[1]);
          return '([^/]+)';
        })
        .join('/');
      this.routes.push({ ...r, regex: new RegExp(`^${pattern}/?$`), names });
    }
    return this;
  }

  match(method: string, path: string): RouteMatch {
    let wrongMethod: string | undefined;
    for (const r of this.routes) {
      const m = r.regex.exec(path);
      if (!m) continue;
      if (r.method !== method) {
        wrongMethod = r.template;
        continue;
      }
      const params: Record<string, string> = {};
      r.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1])));
      return { kind: 'found', route: r, params };
    }
    return wrongMethod ? { kind: 'wrong-method', template: wrongMethod } : { kind: 'none' };
  }
}
