import Ajv from 'ajv';
import addFormats from 'ajv-formats';

/**
 * An Ajv instance that knows the formats the Atlassian documents use. `coerce` reads query and
 * path parameters, which arrive as strings, as the types their schemas declare.
 */
export function newAjv(opts: { coerce?: boolean } = {}): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true, validateSchema: false, coerceTypes: opts.coerce === true });
  addFormats(ajv);
  // Jira writes offsets as +0000 (no colon); accept both that and RFC 3339.
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/);
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
  return ajv;
}
