import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { KVS_LIMITS } from './limits';
import { KvsError } from './errors';

export type AttributeType = 'string' | 'integer' | 'float' | 'boolean' | 'any';

export interface IndexDef {
  name: string;
  partition: string[];
  range: string[];
}

export interface EntityDef {
  name: string;
  attributes: Record<string, AttributeType>;
  indexes: Map<string, IndexDef>;
}

const attributeSchema = z.object({ type: z.enum(['string', 'integer', 'float', 'boolean', 'any']) });
// An index is either an attribute name (shorthand: index of that name ranged on it) or the full form.
const indexSchema = z.union([
  z.string().min(1),
  z.object({
    name: z.string().min(1),
    partition: z.array(z.string()).optional(),
    range: z.array(z.string()).min(1),
  }),
]);
const entitySchema = z.object({
  name: z.string().min(1),
  attributes: z.record(z.string(), attributeSchema),
  indexes: z.array(indexSchema).optional(),
});
const manifestStorageSchema = z.looseObject({
  app: z.looseObject({
    storage: z.looseObject({ entities: z.array(entitySchema).optional() }).optional(),
  }).optional(),
});

/** Entity definitions from a parsed manifest object (`app.storage.entities`). */
export function entitiesFromManifest(manifest: unknown): Map<string, EntityDef> {
  const parsed = manifestStorageSchema.safeParse(manifest);
  if (!parsed.success) {
    throw new Error(`manifest.yml app.storage.entities is malformed: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const out = new Map<string, EntityDef>();
  for (const e of parsed.data.app?.storage?.entities ?? []) {
    if (e.name.length < KVS_LIMITS.minEntityName || e.name.length > KVS_LIMITS.maxEntityName) {
      throw new Error(`manifest entity "${e.name}" must have 3-60 characters`);
    }
    const attributes: Record<string, AttributeType> = {};
    for (const [attr, def] of Object.entries(e.attributes)) attributes[attr] = def.type;
    const indexes = new Map<string, IndexDef>();
    for (const raw of e.indexes ?? []) {
      const idx: IndexDef = typeof raw === 'string'
        ? { name: raw, partition: [], range: [raw] }
        : { name: raw.name, partition: raw.partition ?? [], range: raw.range };
      for (const attr of [...idx.partition, ...idx.range]) {
        if (!(attr in attributes)) throw new Error(`manifest entity "${e.name}" index "${idx.name}" uses undeclared attribute "${attr}"`);
      }
      indexes.set(idx.name, idx);
    }
    out.set(e.name, { name: e.name, attributes, indexes });
  }
  return out;
}

export function entitiesFromManifestFile(path: string): Map<string, EntityDef> {
  return entitiesFromManifest(parse(readFileSync(path, 'utf8')));
}

/** Checks an entity value against its declared attributes (types, 32-bit integers). */
export function validateEntityValue(def: EntityDef, value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new KvsError('INVALID_VALUE', `A "${def.name}" entity value must be an object of attributes.`);
  }
  const obj = value as Record<string, unknown>;
  for (const [attr, v] of Object.entries(obj)) {
    const type = def.attributes[attr];
    if (!type) {
      throw new KvsError('INVALID_ATTRIBUTE', `Attribute "${attr}" is not declared on entity "${def.name}" in manifest.yml.`, { attribute: attr });
    }
    if (v === undefined) continue;
    checkAttributeType(def.name, attr, type, v);
  }
  return obj;
}

function checkAttributeType(entity: string, attr: string, type: AttributeType, v: unknown): void {
  const fail = (why: string): never => {
    throw new KvsError('INVALID_ATTRIBUTE_VALUE', `Attribute "${attr}" of entity "${entity}" ${why}.`, { attribute: attr, type });
  };
  switch (type) {
    case 'any':
      return;
    case 'string':
      if (typeof v !== 'string') fail(`must be a string, got ${describe(v)}`);
      return;
    case 'boolean':
      if (typeof v !== 'boolean') fail(`must be a boolean, got ${describe(v)}`);
      return;
    case 'float':
      if (typeof v !== 'number' || !Number.isFinite(v)) fail(`must be a finite number, got ${describe(v)}`);
      return;
    case 'integer':
      if (typeof v !== 'number' || !Number.isInteger(v)) fail(`must be an integer, got ${describe(v)}`);
      if ((v as number) < KVS_LIMITS.int32Min || (v as number) > KVS_LIMITS.int32Max) {
        fail(`must be a 32-bit signed integer (${KVS_LIMITS.int32Min}..${KVS_LIMITS.int32Max}), got ${String(v)}`);
      }
      return;
  }
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'string' ? `a string` : `${typeof v} ${JSON.stringify(v)}`;
}
