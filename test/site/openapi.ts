import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Validates emulator responses against the official OpenAPI documents. OpenAPI 3.0 schemas are
 * turned into JSON Schema: component refs point into one `$defs` document per spec, `nullable`
 * becomes a null alternative, and OpenAPI-only keywords are dropped. `additionalProperties`
 * stays exactly as each spec says. `readOnly` is fine in a response; a `writeOnly` property must
 * be absent from one.
 */

type Json = Record<string, unknown>;
export type SpecName = 'jira' | 'confluence-v1' | 'confluence-v2';

const SPEC_FILES: Record<SpecName, string> = {
  jira: 'jira-platform-v3.openapi.json',
  'confluence-v1': 'confluence-v1.openapi.json',
  'confluence-v2': 'confluence-v2.openapi.json',
};

/**
 * Where the real APIs knowingly differ from their documents, so the emulator copies the API:
 * Jira sends `null` for an empty changelog from/to value although the schema says string.
 */
const KNOWN_DEVIATIONS: Partial<Record<SpecName, (defs: Record<string, Json>) => void>> = {
  jira: (defs) => {
    const props = (defs.ChangeDetails.properties ?? {}) as Record<string, Json>;
    for (const k of ['from', 'fromString', 'to', 'toString']) props[k] = { anyOf: [props[k], { type: 'null' }] };
  },
};

const DROP = new Set(['example', 'examples', 'xml', 'discriminator', 'externalDocs', 'deprecated', 'x-atlassian-connect-scope', 'readOnly', 'writeOnly', 'nullable', 'style', 'explode']);

/** OpenAPI 3.0 schema → JSON Schema (exported for the validator's own tests). */
export function convert(node: unknown, spec: SpecName): unknown {
  if (Array.isArray(node)) return node.map((n) => convert(n, spec));
  if (node === null || typeof node !== 'object') return node;
  const src = node as Json;
  const out: Json = {};
  for (const [k, v] of Object.entries(src)) {
    if (DROP.has(k) || k.startsWith('x-')) continue;
    if (k === '$ref' && typeof v === 'string') {
      out.$ref = v.replace('#/components/schemas/', `${spec}#/$defs/`);
      continue;
    }
    if (k === 'properties') {
      // A response must never carry a writeOnly property, even one the request requires.
      const props = Object.entries(v as Record<string, Json>);
      out.properties = Object.fromEntries(props.map(([p, s]) => [p, s.writeOnly === true ? false : convert(s, spec)]));
      const writeOnly = new Set(props.filter(([, s]) => s.writeOnly === true).map(([p]) => p));
      if (Array.isArray(src.required)) out.required = (src.required as string[]).filter((r) => !writeOnly.has(r));
      continue;
    }
    if (k === 'required' && 'properties' in src) continue;
    out[k] = convert(v, spec);
  }
  if (src.nullable === true) {
    if (typeof out.type === 'string') return { ...out, type: [out.type, 'null'], ...(Array.isArray(out.enum) ? { enum: [...(out.enum as unknown[]), null] } : {}) };
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

export function specsDir(): string {
  const fromEnv = process.env.ATLASSIAN_SPECS_DIR;
  if (fromEnv) return fromEnv;
  // The documents live in the shared reference folder beside the repository.
  return path.resolve(__dirname, '../../../shared/specs');
}

export class OpenApiContracts {
  private readonly ajv: Ajv;
  private readonly specs = new Map<SpecName, Json>();
  private readonly cache = new Map<string, ValidateFunction>();

  constructor() {
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    // Jira writes offsets as +0000 (no colon); accept both that and RFC 3339.
    this.ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/);
    this.ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
    this.ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
    for (const name of Object.keys(SPEC_FILES) as SpecName[]) {
      const doc = JSON.parse(fs.readFileSync(path.join(specsDir(), SPEC_FILES[name]), 'utf8')) as Json;
      this.specs.set(name, doc);
      const schemas = structuredClone(((doc.components as Json).schemas ?? {}) as Record<string, Json>);
      KNOWN_DEVIATIONS[name]?.(schemas);
      this.ajv.addSchema({ $id: name, $defs: convert(schemas, name) as Json });
    }
  }

  /** The spec and its path key for a request path template as the emulator serves it. */
  static locate(template: string): { spec: SpecName; specPath: string } {
    if (template.startsWith('/wiki/api/v2')) return { spec: 'confluence-v2', specPath: template.slice('/wiki/api/v2'.length) };
    if (template.startsWith('/wiki/')) return { spec: 'confluence-v1', specPath: template };
    return { spec: 'jira', specPath: template };
  }

  /** Compiled validator for one operation's response, or an error if the spec has none. */
  validator(spec: SpecName, method: string, specPath: string, status: number): ValidateFunction {
    const key = `${spec} ${method} ${specPath} ${status}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const paths = (this.specs.get(spec)?.paths ?? {}) as Record<string, Record<string, Json>>;
    const op = paths[specPath]?.[method.toLowerCase()];
    if (!op) throw new Error(`${spec} has no operation ${method} ${specPath}`);
    const response = ((op.responses ?? {}) as Record<string, Json>)[String(status)];
    const content = (response?.content ?? {}) as Record<string, { schema?: Json }>;
    const schema = (content['application/json'] ?? Object.values(content)[0])?.schema;
    if (!schema) throw new Error(`${spec} ${method} ${specPath} documents no JSON body for ${status}`);
    const compiled = this.ajv.compile(convert(schema, spec) as Json);
    this.cache.set(key, compiled);
    return compiled;
  }

  /** Validation errors as readable lines (empty when the body conforms). */
  check(template: string, method: string, status: number, body: unknown): string[] {
    const { spec, specPath } = OpenApiContracts.locate(template);
    const validate = this.validator(spec, method, specPath, status);
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  }
}
