import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

/**
 * Atlassian design-token themes, served as CSS the way Jira loads them into a themed Custom UI
 * frame. @atlaskit/tokens ships each theme as a CommonJS module whose default export is the CSS
 * text, scoped by `html[data-color-mode][data-theme~="<kind>:<id>"]` selectors.
 */
export const THEME_IDS = ['light', 'dark', 'spacing', 'typography', 'shape'] as const;
export type ThemeId = (typeof THEME_IDS)[number];

/** The `data-theme` attribute Jira sets alongside `data-color-mode` (the tokens' defaults). */
export const THEME_ATTRIBUTE = 'dark:dark light:light shape:shape spacing:spacing typography:typography';

export function isThemeId(s: string): s is ThemeId {
  return (THEME_IDS as readonly string[]).includes(s);
}

export class TokenThemes {
  private readonly cache = new Map<ThemeId, string>();

  constructor(private readonly tokensPackageDir: string) {}

  available(): boolean {
    return existsSync(this.fileOf('light'));
  }

  /** The CSS text of a theme, or undefined when the package is not installed. */
  css(id: ThemeId): string | undefined {
    const hit = this.cache.get(id);
    if (hit !== undefined) return hit;
    const file = this.fileOf(id);
    if (!existsSync(file)) return undefined;
    const mod: unknown = createRequire(file)(file);
    const css = typeof mod === 'object' && mod !== null ? (mod as { default?: unknown }).default : undefined;
    if (typeof css !== 'string') throw new Error(`@atlaskit/tokens theme ${id} did not export CSS text`);
    this.cache.set(id, css);
    return css;
  }

  private fileOf(id: ThemeId): string {
    return path.join(this.tokensPackageDir, 'dist', 'cjs', 'artifacts', 'themes', `atlassian-${id}.js`);
  }
}
