import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * The Custom UI apps the host can serve, read from manifest.yml so a renamed module, resource
 * or resolver function needs no change here.
 */
export interface CustomUiApp {
  /** The resource key, also the URL segment: /frame/<name>. */
  name: string;
  moduleKey: string;
  /** The module type, which Forge reports as `extension.type` in the frame context. */
  extensionType: string;
  title: string;
  /** The manifest function key of the module's resolver. */
  functionKey: string;
  /** Absolute path of the built app (the resource path). */
  buildDir: string;
}

/** Module types whose Custom UI the host can frame as a full page. */
const PAGE_MODULE_TYPES = ['jira:adminPage', 'jira:globalPage', 'jira:projectPage'] as const;

const moduleSchema = z.object({
  key: z.string(),
  title: z.string().optional(),
  resource: z.string().optional(),
  resolver: z.object({ function: z.string() }).optional(),
});
const manifestSchema = z.object({
  modules: z.record(z.string(), z.array(z.unknown())),
  resources: z.array(z.object({ key: z.string(), path: z.string() })).default([]),
});

export function readCustomUiApps(manifestPath: string, rootDir = path.dirname(manifestPath)): CustomUiApp[] {
  const manifest = manifestSchema.parse(parse(readFileSync(manifestPath, 'utf8')));
  const apps: CustomUiApp[] = [];
  for (const type of PAGE_MODULE_TYPES) {
    for (const raw of manifest.modules[type] ?? []) {
      const m = moduleSchema.parse(raw);
      const resource = manifest.resources.find((r) => r.key === m.resource);
      // UI Kit resources point at source files; only folders are Custom UI builds.
      if (!resource || !m.resolver || /\.[jt]sx?$/.test(resource.path)) continue;
      apps.push({
        name: resource.key,
        moduleKey: m.key,
        extensionType: type,
        title: m.title ?? m.key,
        functionKey: m.resolver.function,
        buildDir: path.resolve(rootDir, resource.path),
      });
    }
  }
  return apps;
}
