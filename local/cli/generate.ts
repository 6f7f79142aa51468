import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseSiteFixture } from '../site/fixture-schema';
import { DEMO_HOST_FILE, DEMO_OTHER_FILE, generateDemoSites } from '../fixtures/demo';
import { generateSite } from '../fixtures/generator';
import type { GenerateOptions } from '../fixtures/options';
import { summarizeFixture } from '../fixtures/summary';

const USAGE = `Generates an emulated Atlassian site (site fixture JSON).

  npm run demo:generate -- --seed 7 --issues 300 --out site.json
  npm run demo:generate -- --demo          rewrite the two committed demo sites

Options (defaults in brackets):
  --seed N [1]  --name NAME [acme]  --now ISO [this hour]  --days N [90]
  --users N [12]  --projects N [4]  --restricted-projects N [1]  --issues N [300]
  --spaces N [3]  --pages N [60]  --no-confluence
  means per issue: --histories [6] --comments [2.5] --worklogs [3]
  means per page:  --versions [4] --page-comments [2]
  --api-token-users N [0]  --out FILE (default: stdout)  --pretty`;

const NUMERIC: Record<string, keyof GenerateOptions> = {
  seed: 'seed', users: 'users', projects: 'projects', 'restricted-projects': 'restrictedProjects', issues: 'issues',
  spaces: 'spaces', pages: 'pages', days: 'days', histories: 'historiesPerIssue', comments: 'commentsPerIssue',
  worklogs: 'worklogsPerIssue', versions: 'versionsPerPage', 'page-comments': 'commentsPerPage', 'api-token-users': 'apiTokenUsers',
};

function optionsFrom(values: Record<string, string | boolean | undefined>): Partial<GenerateOptions> {
  const o: Partial<GenerateOptions> = {};
  for (const [flag, key] of Object.entries(NUMERIC)) {
    const raw = values[flag];
    if (raw === undefined) continue;
    const n = Number(raw);
    if (typeof raw !== 'string' || raw.trim() === '' || !Number.isFinite(n)) throw new Error(`--${flag} must be a number, got "${String(raw)}"`);
    (o as Record<string, number>)[key] = n;
  }
  if (typeof values.name === 'string') o.name = values.name;
  if (typeof values.now === 'string') o.now = values.now;
  if (values['no-confluence']) o.confluence = false;
  return o;
}

function report(label: string, json: string, ms: number, counts: Record<string, number>): void {
  const lines = Object.entries(counts).map(([k, v]) => `  ${k.padEnd(24)} ${v}`);
  process.stderr.write(`${label}: ${(json.length / 1024).toFixed(0)} KiB in ${ms} ms\n${lines.join('\n')}\n`);
}

function main(): void {
  const { values } = parseArgs({
    options: {
      ...Object.fromEntries(Object.keys(NUMERIC).map((k) => [k, { type: 'string' as const }])),
      name: { type: 'string' }, now: { type: 'string' }, out: { type: 'string' },
      'no-confluence': { type: 'boolean' }, pretty: { type: 'boolean' }, demo: { type: 'boolean' }, help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const started = Date.now();
  if (values.demo) {
    const { host, other } = generateDemoSites();
    for (const [file, f] of [[DEMO_HOST_FILE, host], [DEMO_OTHER_FILE, other]] as const) {
      parseSiteFixture(f);
      const json = `${JSON.stringify(f)}\n`;
      writeFileSync(file, json);
      report(file, json, Date.now() - started, summarizeFixture(f));
    }
    return;
  }
  const fixture = generateSite(optionsFrom(values));
  parseSiteFixture(fixture);
  const json = `${JSON.stringify(fixture, null, values.pretty ? 2 : undefined)}\n`;
  if (values.out) writeFileSync(values.out, json);
  else process.stdout.write(json);
  report(values.out ?? 'stdout', json, Date.now() - started, summarizeFixture(fixture));
}

try {
  main();
} catch (e) {
  process.stderr.write(`demo:generate: ${e instanceof Error ? e.message : String(e)}\n\n${USAGE}\n`);
  process.exitCode = 1;
}
