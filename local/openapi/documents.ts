import fs from 'node:fs';
import path from 'node:path';

/**
 * The official OpenAPI documents (Jira platform v3, Confluence v1 and v2), found in
 * `../shared/specs` beside the repository root (or `ATLASSIAN_SPECS_DIR`). Read and parsed once
 * per process: the emulator validates every request against them and the contract test every
 * response.
 */

export type Json = Record<string, unknown>;
export type SpecName = 'jira' | 'confluence-v1' | 'confluence-v2';
export const SPEC_NAMES: readonly SpecName[] = ['jira', 'confluence-v1', 'confluence-v2'];

const SPEC_FILES: Record<SpecName, string> = {
  jira: 'jira-platform-v3.openapi.json',
  'confluence-v1': 'confluence-v1.openapi.json',
  'confluence-v2': 'confluence-v2.openapi.json',
};

/** The documents are missing or unreadable: validation cannot run and must not pass silently. */
export class SpecsMissingError extends Error {}

export function specsDir(): string {
  const fromEnv = process.env.ATLASSIAN_SPECS_DIR;
  if (fromEnv) return path.resolve(fromEnv);
  // local/openapi → repository root → its sibling shared/specs.
  return path.resolve(__dirname, '..', '..', '..', 'shared', 'specs');
}

const loaded = new Map<string, Json>();

/** One parsed document (cached for the process; never mutate it). */
export function loadSpec(name: SpecName): Json {
  const file = path.join(specsDir(), SPEC_FILES[name]);
  const hit = loaded.get(file);
  if (hit) return hit;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new SpecsMissingError(
      `The ${name} OpenAPI document is missing (${file}: ${(err as Error).message}). The emulator validates every ` +
        `request against the official documents: put them in ../shared/specs beside the repository root, or point ` +
        `ATLASSIAN_SPECS_DIR at them.`,
    );
  }
  const doc = JSON.parse(text) as Json;
  loaded.set(file, doc);
  return doc;
}

/** Which document serves a path as the app sends it, and the path as that document writes it. */
export function locate(pathname: string): { spec: SpecName; specPath: string } {
  if (pathname.startsWith('/wiki/api/v2/')) return { spec: 'confluence-v2', specPath: pathname.slice('/wiki/api/v2'.length) };
  if (pathname.startsWith('/wiki/')) return { spec: 'confluence-v1', specPath: pathname };
  return { spec: 'jira', specPath: pathname };
}

export type Direction = 'request' | 'response';

const DROP = new Set(['example', 'examples', 'xml', 'discriminator', 'externalDocs', 'deprecated', 'readOnly', 'writeOnly', 'nullable', 'style', 'explode']);

/**
 * OpenAPI 3.0 schema → JSON Schema. Component refs point to `<refBase>#/$defs/<name>` (a `$defs`
 * document registered under that id, or the schema's own `$defs` when refBase is ''), `nullable` becomes a null
 * alternative and OpenAPI-only keywords are dropped. A response must not carry a `writeOnly`
 * property and a request must not send a `readOnly` one; `additionalProperties` stays exactly as
 * each document says.
 */
export function convert(node: unknown, refBase: string, direction: Direction = 'response'): unknown {
  if (Array.isArray(node)) return node.map((n) => convert(n, refBase, direction));
  if (node === null || typeof node !== 'object') return node;
  const src = node as Json;
  const forbidden = direction === 'response' ? 'writeOnly' : 'readOnly';
  const out: Json = {};
  for (const [k, v] of Object.entries(src)) {
    if (DROP.has(k) || k.startsWith('x-')) continue;
    if (k === '$ref' && typeof v === 'string') {
      out.$ref = v.replace('#/components/schemas/', `${refBase}#/$defs/`);
      continue;
    }
    if (k === 'properties') {
      const props = Object.entries(v as Record<string, Json>);
      out.properties = Object.fromEntries(props.map(([p, s]) => [p, s[forbidden] === true ? false : convert(s, refBase, direction)]));
      const banned = new Set(props.filter(([, s]) => s[forbidden] === true).map(([p]) => p));
      if (Array.isArray(src.required)) out.required = (src.required as string[]).filter((r) => !banned.has(r));
      continue;
    }
    if (k === 'required' && 'properties' in src) continue;
    out[k] = convert(v, refBase, direction);
  }
  if (src.nullable === true) {
    if (typeof out.type === 'string') return { ...out, type: [out.type, 'null'], ...(Array.isArray(out.enum) ? { enum: [...(out.enum as unknown[]), null] } : {}) };
    return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

/**
 * A self-contained JSON Schema for one OpenAPI schema: the component schemas it reaches
 * (transitively) converted into its own `$defs`, so that compiling it touches nothing else.
 */
export function bundle(doc: Json, schema: unknown, direction: Direction): Json {
  const components = ((doc.components as Json | undefined)?.schemas ?? {}) as Record<string, unknown>;
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node as Json)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')) {
        const name = v.slice('#/components/schemas/'.length);
        if (!names.has(name)) {
          names.add(name);
          walk(components[name]);
        }
      } else walk(v);
    }
  };
  walk(schema);
  const $defs = Object.fromEntries([...names].map((n) => [n, convert(components[n] ?? {}, '', direction)]));
  return { allOf: [convert(schema, '', direction)], $defs };
}

/** Follows a local `#/components/...` reference (parameters, request bodies). */
export function deref<T>(doc: Json, node: unknown): T {
  let cur: unknown = node;
  for (let i = 0; i < 10 && cur && typeof cur === 'object' && typeof (cur as Json).$ref === 'string'; i++) {
    const ref = (cur as Json).$ref as string;
    if (!ref.startsWith('#/')) break;
    cur = ref.slice(2).split('/').reduce<unknown>((o, k) => (o as Json | undefined)?.[k], doc);
  }
  return cur as T;
}
