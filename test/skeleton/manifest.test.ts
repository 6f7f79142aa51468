import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { validate } from '@forge/manifest';
import { parse, stringify } from 'yaml';
import { safeAvatarUrl } from '../../src/domain/avatar';

/**
 * Atlassian's own manifest validator (what `forge deploy` runs first), offline and in full
 * mode: schema, handler files, resource folders (the Custom UI builds must exist: `npm test`
 * builds them first), function keys and scope names.
 */
const REPO = path.resolve(__dirname, '..', '..');
const MANIFEST = path.join(REPO, 'manifest.yml');

type Problem = { level: string; message: string; line?: number; reference?: string };
const describeProblems = (ps: Problem[]): string => ps.map((p) => `${p.level} line ${p.line ?? '?'}: ${p.message} (${p.reference ?? ''})`).join('\n');

describe('manifest.yml against @forge/manifest', () => {
  it('has the Custom UI builds the manifest points at (npm test builds them first)', () => {
    const missing = ['admin', 'dashboard'].filter((app) => !existsSync(path.join(REPO, 'static', app, 'build', 'index.html')));
    if (missing.length > 0) throw new Error(`Not built: ${missing.join(', ')}. Run \`npm run build:ui\` (npm test does it first).`);
  });

  it('passes the full validation with no error and no warning', async () => {
    const result = await validate(false, MANIFEST);
    const problems = (result.errors ?? []) as Problem[];
    if (problems.length > 0) throw new Error(`@forge/manifest found:\n${describeProblems(problems)}`);
    expect(result.success).toBe(true);
  }, 60_000);

  it('really checks: the same manifest without the app beside it fails on every handler', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ap-manifest-'));
    try {
      copyFileSync(MANIFEST, path.join(dir, 'manifest.yml'));
      const result = await validate(false, path.join(dir, 'manifest.yml'));
      expect(result.success).toBe(false);
      const messages = (result.errors ?? []).map((e: Problem) => e.message).join('\n');
      expect(messages).toContain("function handler property 'index.adminResolver'");
      expect(messages).toContain("missing resource 'static/admin/build'");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('declares Jira required and Confluence optional (app compatibility), in a shape the schema checks', async () => {
    const manifest = parse(readFileSync(MANIFEST, 'utf8')) as { app: { compatibility?: unknown } };
    expect(manifest.app.compatibility).toEqual({ jira: { required: true }, confluence: { required: false } });
    // The schema really reads the block: a misspelt product or a non-boolean `required` fails.
    const dir = mkdtempSync(path.join(tmpdir(), 'ap-compat-'));
    try {
      for (const compatibility of [{ jira: { required: true }, confluense: { required: false } }, { jira: { required: 'yes' } }]) {
        const file = path.join(dir, 'manifest.yml');
        writeFileSync(file, stringify({ ...manifest, app: { ...manifest.app, compatibility } }));
        const result = await validate(true, file);
        expect(result.success).toBe(false);
        expect((result.errors ?? []).map((e: Problem) => e.message).join('\n')).toMatch(/compatibility/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  /**
   * People's pictures come only from Atlassian's avatar hosts (src/domain/avatar.ts), which Forge
   * lets Custom UI load without a `permissions.external.images` entry: the validator calls such an
   * entry unnecessary. So the manifest declares none, and adds no egress an admin must approve.
   */
  describe('pictures need no external.images entry', () => {
    // The validator's own list of avatar hosts (a module its package does not export by name).
    const manifestOut = path.dirname(require.resolve('@forge/manifest'));
    const { AVATAR_URLS } = require(path.join(manifestOut, 'types', 'egress-types.js')) as { AVATAR_URLS: string[] };
    const covered = (host: string) => AVATAR_URLS.some((w) => (w.startsWith('*.') ? host.endsWith(w.slice(1)) : host === w));

    it('declares no external images', () => {
      const manifest = parse(readFileSync(MANIFEST, 'utf8')) as { permissions: { external?: { images?: unknown } } };
      expect(manifest.permissions.external?.images).toBeUndefined();
    });

    it('keeps pictures only on hosts the validator lists as allowed without one', () => {
      for (const url of [
        'https://avatar-management--avatars.us-west-2.prod.public.atl-paas.net/initials/MK-5.png?size=48&s=48',
        'https://avatar-management--avatars.eu-west-1.prod.public.atl-paas.net/5b10/3a1b/128?size=48&s=48',
        'https://secure.gravatar.com/avatar/906ffbfe1ad0998daccbf7b820aace5b',
      ]) {
        expect(safeAvatarUrl(url)).toBe(url);
        expect(covered(new URL(url).hostname)).toBe(true);
      }
    });

    it('is what the validator says: declaring the avatar hosts draws an "unnecessary URL" warning', async () => {
      const manifest = parse(readFileSync(MANIFEST, 'utf8')) as { permissions: { external: Record<string, unknown> } };
      const dir = mkdtempSync(path.join(tmpdir(), 'ap-images-'));
      try {
        const file = path.join(dir, 'manifest.yml');
        const images = AVATAR_URLS.filter((u) => /atl-paas|gravatar/.test(u)).map((address) => ({ address }));
        expect(images.length).toBe(2);
        writeFileSync(file, stringify({ ...manifest, permissions: { ...manifest.permissions, external: { ...manifest.permissions.external, images } } }));
        const result = await validate(false, file);
        const messages = (result.errors ?? []).map((e: Problem) => `${e.level}: ${e.message}`);
        for (const { address } of images) expect(messages).toContainEqual(expect.stringMatching(new RegExp(`^warning: Unnecessary URL .*'external\\.images'.*'${address.replace(/[.*]/g, '\\$&')}'`)));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 60_000);
  });
});
