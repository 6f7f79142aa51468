import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { validate } from '@forge/manifest';
import { parse, stringify } from 'yaml';

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
});
