import { siteCounts } from '../../local/fixtures/counts';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generateSite } from '../../local/fixtures/generator';
import { SCALE_OPTIONS } from '../../local/fixtures/scale';
import { latestInstant } from '../../local/fixtures/shift';
import { parseSiteFixture } from '../../local/site/fixture-schema';
import { expectedActivities } from '../oracle/expected-activities';
import { teammateMappingFromFixture } from '../oracle/teammate-mapping';

const run = promisify(execFile);
const NOW = '2026-11-25T12:00:00.000Z';

describe('generator at benchmark scale', () => {
  it('makes a benchmark-size site in seconds (time printed, not asserted)', () => {
    const t0 = Date.now();
    const f = generateSite({ ...SCALE_OPTIONS, now: NOW });
    const generated = Date.now() - t0;
    parseSiteFixture(f);
    const validated = Date.now() - t0 - generated;
    const t1 = Date.now();
    const acts = expectedActivities(f, { dataSourceId: 'host', siteUrl: 'https://bigcorp.atlassian.net', mapping: teammateMappingFromFixture(f), since: 0, until: Date.parse(NOW) + 1 });
    const oracle = Date.now() - t1;
    const counts = siteCounts(f);
    console.log(`scale site: generated in ${generated} ms, validated in ${validated} ms, oracle ${acts.length} activities in ${oracle} ms`, counts);
    expect(counts.issues).toBeGreaterThanOrEqual(5000);
    expect(counts.changelog).toBeGreaterThanOrEqual(50_000);
    expect(counts.comments).toBeGreaterThanOrEqual(20_000);
    expect(counts.worklogs).toBeGreaterThanOrEqual(10_000);
    expect(counts.pages).toBeGreaterThanOrEqual(2000);
    expect(counts.versions).toBeGreaterThanOrEqual(10_000);
    expect(counts.confluenceComments).toBeGreaterThanOrEqual(5000);
    expect(latestInstant(f)).toBeLessThanOrEqual(Date.parse(NOW));
  }, 120_000);
});

describe('npm run demo:generate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ap-gen-'));
  const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
  const cli = join(process.cwd(), 'local', 'cli', 'generate.ts');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a valid fixture for the flags given and prints its counts', async () => {
    const out = join(dir, 'site.json');
    const { stderr } = await run(tsx, [cli, '--seed', '7', '--issues', '25', '--pages', '6', '--name', 'initech', '--no-confluence', '--now', NOW, '--out', out]);
    const f = parseSiteFixture(JSON.parse(readFileSync(out, 'utf8')));
    expect(f.name).toBe('initech');
    expect(f.issues).toHaveLength(25);
    expect(f.confluence).toBe(false);
    expect(readFileSync(out, 'utf8')).toBe(`${JSON.stringify(generateSite({ seed: 7, issues: 25, pages: 6, name: 'initech', confluence: false, now: NOW }))}\n`);
    expect(stderr).toMatch(/issues\s+25/);
    expect(stderr).toMatch(/worklogs\s+\d+/);
  }, 60_000);

  it('fails with a specific message on a bad flag value', async () => {
    await expect(run(tsx, [cli, '--issues', 'many', '--out', join(dir, 'x.json')])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('--issues must be a number, got "many"'),
    });
  }, 60_000);
});
