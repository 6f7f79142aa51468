import type { ValidateFunction } from 'ajv';
import { newAjv } from './ajv';
import { bundle, deref, type Json, loadSpec, locate, SPEC_NAMES, type SpecName } from './documents';

/**
 * Holds every request to the operation the official OpenAPI documents define for it: method,
 * path template, path and query parameters (names, types, enums) and the JSON body. Paths and
 * operations are indexed once; each operation's validators are compiled on first use and kept.
 */

export interface RequestToCheck {
  readonly method: string;
  /** The path as sent, without the query (e.g. /rest/api/3/issue/A-1/changelog). */
  readonly pathname: string;
  readonly query: URLSearchParams;
  readonly contentType?: string;
  /** Parsed JSON body; undefined when there was none. */
  readonly body: unknown;
}

export type RequestVerdict =
  | { ok: true; operation: string }
  | { ok: false; operation?: string; violations: string[] };

/** Where the app knowingly sends what the documents do not define (see local/site/spec-deviations.ts). */
export interface RequestDeviations {
  /** Prefixes removed before matching (e.g. the api.atlassian.com gateway's /ex/jira/{cloudId}). */
  readonly pathPrefixes: readonly ({ readonly pattern: RegExp } & Source)[];
  /** Endpoints no document describes; requests to them are accepted as they are. */
  readonly endpoints: readonly ({ readonly method: string; readonly path: RegExp } & Source)[];
  /** Query parameters a live API accepts although the operation does not document them. */
  readonly queryParameters: readonly ({ readonly method: string; readonly template: string; readonly name: string } & Source)[];
}

/** The public documentation that justifies a deviation. */
interface Source {
  readonly doc: string;
}

export const NO_DEVIATIONS: RequestDeviations = { pathPrefixes: [], endpoints: [], queryParameters: [] };

interface PathEntry {
  readonly template: string;
  readonly regex: RegExp;
  readonly names: string[];
  readonly item: Record<string, Json>;
}

interface Operation {
  readonly label: string;
  readonly pathParams: ValidateFunction;
  readonly query: ValidateFunction;
  readonly known: ReadonlySet<string>;
  readonly arrays: ReadonlySet<string>;
  readonly body?: { readonly required: boolean; readonly json?: ValidateFunction; readonly types: string[] };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const MAX_REPORTED = 6;

export class RequestValidator {
  private readonly paths = new Map<SpecName, PathEntry[]>();
  private readonly operations = new Map<string, Operation>();
  private readonly strict = newAjv();
  private readonly coercing = newAjv({ coerce: true });

  /** Throws SpecsMissingError when a document cannot be read: never passes silently. */
  constructor(private readonly deviations: RequestDeviations = NO_DEVIATIONS) {
    for (const name of SPEC_NAMES) this.paths.set(name, indexPaths(loadSpec(name)));
  }

  check(req: RequestToCheck): RequestVerdict {
    const method = req.method.toUpperCase();
    let pathname = req.pathname;
    for (const p of this.deviations.pathPrefixes) pathname = pathname.replace(p.pattern, '');
    if (this.deviations.endpoints.some((e) => e.method === method && e.path.test(pathname))) {
      return { ok: true, operation: `${method} ${pathname} (documented deviation)` };
    }
    const { spec, specPath } = locate(pathname);
    const candidates = (this.paths.get(spec) ?? []).map((p) => ({ p, m: p.regex.exec(specPath) })).filter((c) => c.m);
    if (candidates.length === 0) {
      return { ok: false, violations: [`the ${spec} document defines no path matching ${pathname}`] };
    }
    const hit = candidates.find((c) => c.p.item[method.toLowerCase()]);
    if (!hit) {
      const allowed = [...new Set(candidates.flatMap((c) => METHODS.filter((m) => c.p.item[m]).map((m) => m.toUpperCase())))];
      return { ok: false, violations: [`the ${spec} document defines ${candidates[0].p.template} for ${allowed.join(', ')} only, not ${method}`] };
    }
    const op = this.operation(spec, method, hit.p);
    const violations: string[] = [];
    const params: Json = {};
    hit.p.names.forEach((n, i) => (params[n] = safeDecode(hit.m![i + 1])));
    if (!op.pathParams(params)) violations.push(...describe('path', op.pathParams));
    this.checkQuery(op, method, hit.p.template, req.query, violations);
    this.checkBody(op, req, violations);
    return violations.length === 0 ? { ok: true, operation: op.label } : { ok: false, operation: op.label, violations: violations.slice(0, MAX_REPORTED) };
  }

  private checkQuery(op: Operation, method: string, template: string, query: URLSearchParams, out: string[]): void {
    const values: Json = {};
    for (const name of new Set(query.keys())) {
      if (!op.known.has(name)) {
        if (this.deviations.queryParameters.some((d) => d.method === method && d.template === template && d.name === name)) continue;
        out.push(`query parameter '${name}' is not defined (defined: ${[...op.known].join(', ') || 'none'})`);
        continue;
      }
      const all = query.getAll(name);
      // Atlassian documents list parameters as repeated or comma-separated; both are sent.
      if (op.arrays.has(name)) values[name] = all.flatMap((v) => v.split(','));
      else if (all.length > 1) out.push(`query parameter '${name}' is given ${all.length} times but is not a list`);
      else values[name] = all[0];
    }
    if (!op.query(values)) out.push(...describe('query', op.query));
  }

  private checkBody(op: Operation, req: RequestToCheck, out: string[]): void {
    if (req.body === undefined) {
      if (op.body?.required) out.push('the request body is required');
      return;
    }
    if (!op.body) {
      out.push('this operation takes no request body');
      return;
    }
    if (!op.body.json) {
      out.push(`the request body must be ${op.body.types.join(' or ')}, not JSON`);
      return;
    }
    const type = (req.contentType ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') out.push(`a JSON body needs Content-Type: application/json (got ${type || 'none'})`);
    if (!op.body.json(req.body)) out.push(...describe('body', op.body.json));
  }

  private operation(spec: SpecName, method: string, entry: PathEntry): Operation {
    const key = `${spec} ${method} ${entry.template}`;
    const hit = this.operations.get(key);
    if (hit) return hit;
    const doc = loadSpec(spec);
    const raw = entry.item[method.toLowerCase()];
    const parameters = [...asArray(entry.item.parameters), ...asArray(raw.parameters)].map((p) => deref<Json>(doc, p));
    const schemaOf = (where: string): { props: Json; required: string[]; names: string[]; arrays: string[] } => {
      const ps = parameters.filter((p) => p.in === where);
      const props = Object.fromEntries(ps.map((p) => [p.name as string, p.schema ?? {}]));
      return {
        props,
        required: ps.filter((p) => p.required === true || where === 'path').map((p) => p.name as string),
        names: ps.map((p) => p.name as string),
        arrays: ps.filter((p) => isArraySchema(doc, p.schema)).map((p) => p.name as string),
      };
    };
    const objectSchema = (s: { props: Json; required: string[] }): Json =>
      bundle(doc, { type: 'object', properties: s.props, required: s.required }, 'request');
    const path = schemaOf('path');
    const query = schemaOf('query');
    const requestBody = raw.requestBody ? deref<Json>(doc, raw.requestBody) : undefined;
    const content = (requestBody?.content ?? {}) as Record<string, { schema?: unknown }>;
    const jsonType = Object.keys(content).find((t) => t === 'application/json' || t === '*/*');
    const op: Operation = {
      label: `${method} ${entry.template} (${spec})`,
      pathParams: this.coercing.compile(objectSchema(path)),
      query: this.coercing.compile(objectSchema(query)),
      known: new Set(query.names),
      arrays: new Set(query.arrays),
      body: requestBody
        ? {
            required: requestBody.required === true,
            types: Object.keys(content),
            json: jsonType ? this.strict.compile(bundle(doc, content[jsonType].schema, 'request')) : undefined,
          }
        : undefined,
    };
    this.operations.set(key, op);
    return op;
  }
}

/** Spec paths as regexes, literal segments first so /issue/bulkfetch beats /issue/{issueIdOrKey}. */
function indexPaths(doc: Json): PathEntry[] {
  const entries = Object.entries((doc.paths ?? {}) as Record<string, Record<string, Json>>).map(([template, item]) => {
    const names: string[] = [];
    const segments = template.split('/');
    const pattern = segments
      .map((seg) =>
        seg.replace(/\{([^}]+)\}|([^{]+)/g, (_m, name: string | undefined, lit: string | undefined) => {
          if (name) {
            names.push(name);
            return '([^/]+)';
          }
          return (lit ?? '').replace(/[.*+?^$()|[\]\\]/g, '\\$&');
        }),
      )
      .join('/');
    const literals = segments.filter((s) => !s.includes('{')).length;
    return { template, regex: new RegExp(`^${pattern}/?$`), names, item, literals };
  });
  return entries.sort((a, b) => b.literals - a.literals);
}

function isArraySchema(doc: Json, schema: unknown): boolean {
  const s = deref<Json | undefined>(doc, schema);
  return s?.type === 'array';
}

function asArray(v: unknown): Json[] {
  return Array.isArray(v) ? (v as Json[]) : [];
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function describe(where: string, validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map((e) => {
    const at = e.instancePath ? `${where}${e.instancePath.replace(/\//g, '.')}` : where;
    const params = e.params as { allowedValues?: unknown[]; additionalProperty?: string };
    const detail =
      e.keyword === 'enum' ? ` (allowed: ${(params.allowedValues ?? []).join(', ')})`
      : e.keyword === 'additionalProperties' ? `: '${params.additionalProperty ?? ''}'`
      : '';
    return `${at} ${e.message ?? 'is invalid'}${detail}`;
  });
}
