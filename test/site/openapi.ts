import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { newAjv } from '../../local/openapi/ajv';
import { convert, type Json, loadSpec, locate, SPEC_NAMES, type SpecName } from '../../local/openapi/documents';
import { RESPONSE_DEVIATIONS } from '../../local/site/spec-deviations';

/**
 * Validates emulator responses against the official OpenAPI documents. OpenAPI 3.0 schemas are
 * turned into JSON Schema: component refs point into one `$defs` document per spec, `nullable`
 * becomes a null alternative, and OpenAPI-only keywords are dropped. `additionalProperties`
 * stays exactly as each spec says. `readOnly` is fine in a response; a `writeOnly` property must
 * be absent from one.
 */

export { convert };

export class OpenApiContracts {
  private readonly ajv: Ajv;
  private readonly specs = new Map<SpecName, Json>();
  private readonly cache = new Map<string, ValidateFunction>();

  constructor() {
    this.ajv = newAjv();
    for (const name of SPEC_NAMES) {
      const doc = loadSpec(name);
      this.specs.set(name, doc);
      const schemas = structuredClone(((doc.components as Json).schemas ?? {}) as Record<string, Json>);
      for (const d of RESPONSE_DEVIATIONS) if (d.spec === name) d.patch(schemas);
      this.ajv.addSchema({ $id: name, $defs: convert(schemas, name) as Json });
    }
  }

  /** The spec and its path key for a request path template as the emulator serves it. */
  static locate(template: string): { spec: SpecName; specPath: string } {
    return locate(template);
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
