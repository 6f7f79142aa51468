import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { type EntityDef, entitiesFromManifest } from '../kvs/entity-schema';

const functionSchema = z.looseObject({ key: z.string(), handler: z.string().regex(/^[\w-]+\.[\w$]+$/, 'handler must look like "index.exportName"'), timeoutSeconds: z.number().int().positive().optional() });
const triggerSchema = z.looseObject({ key: z.string(), function: z.string(), events: z.array(z.string()) });
const scheduledSchema = z.looseObject({ key: z.string(), function: z.string(), interval: z.string() });
const consumerSchema = z.looseObject({
  key: z.string(),
  queue: z.string(),
  function: z.string().optional(),
  resolver: z.object({ function: z.string(), method: z.string() }).optional(),
});
const uiModuleSchema = z.looseObject({ key: z.string(), resolver: z.object({ function: z.string() }).optional() });
const fetchEntry = z.union([z.string(), z.looseObject({ address: z.string() }), z.looseObject({ remote: z.string() })]);

const manifestSchema = z.looseObject({
  modules: z.looseObject({
    function: z.array(functionSchema).default([]),
    trigger: z.array(triggerSchema).default([]),
    scheduledTrigger: z.array(scheduledSchema).default([]),
    consumer: z.array(consumerSchema).default([]),
  }).catchall(z.unknown()),
  permissions: z.looseObject({
    scopes: z.array(z.string()).default([]),
    external: z.looseObject({ fetch: z.looseObject({ backend: z.array(fetchEntry).default([]) }).optional() }).optional(),
  }).optional(),
  app: z.looseObject({ id: z.string() }),
});

export type ManifestFunction = z.infer<typeof functionSchema>;
export type ManifestConsumer = z.infer<typeof consumerSchema>;

export interface UiModule {
  key: string;
  type: string;
  resolverFunction?: string;
}

export interface AppManifest {
  appId: string;
  functions: Map<string, ManifestFunction>;
  triggers: z.infer<typeof triggerSchema>[];
  scheduledTriggers: z.infer<typeof scheduledSchema>[];
  consumers: ManifestConsumer[];
  /** Modules with a `resolver.function` (pages, gadgets, ...), by module type. */
  uiModules: UiModule[];
  scopes: string[];
  backendEgress: string[];
  rawPermissions: { scopes: string[]; external: Record<string, unknown> };
  entities: Map<string, EntityDef>;
}

const KNOWN_NON_UI = new Set(['function', 'trigger', 'scheduledTrigger', 'consumer', 'webtrigger']);

export function loadManifest(appDir: string): AppManifest {
  const path = join(appDir, 'manifest.yml');
  const raw: unknown = parse(readFileSync(path, 'utf8'));
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`${path} is not a manifest the local platform understands: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const m = parsed.data;
  const uiModules: UiModule[] = [];
  for (const [type, list] of Object.entries(m.modules)) {
    if (KNOWN_NON_UI.has(type) || !Array.isArray(list)) continue;
    for (const mod of list) {
      const u = uiModuleSchema.safeParse(mod);
      if (u.success) uiModules.push({ key: u.data.key, type, resolverFunction: u.data.resolver?.function });
    }
  }
  const backend = m.permissions?.external?.fetch?.backend ?? [];
  const appId = m.app.id.replace(/^ari:cloud:ecosystem::app\//, '');
  for (const c of m.modules.consumer) {
    if (!c.function && !c.resolver) throw new Error(`${path}: consumer "${c.key}" needs "function" or "resolver".`);
  }
  return {
    appId,
    functions: new Map(m.modules.function.map((f) => [f.key, f])),
    triggers: m.modules.trigger,
    scheduledTriggers: m.modules.scheduledTrigger,
    consumers: m.modules.consumer,
    uiModules,
    scopes: m.permissions?.scopes ?? [],
    backendEgress: backend.map((e) => (typeof e === 'string' ? e : 'address' in e ? String(e.address) : '')).filter(Boolean),
    rawPermissions: { scopes: m.permissions?.scopes ?? [], external: (m.permissions?.external ?? {}) as Record<string, unknown> },
    entities: entitiesFromManifest(raw),
  };
}
