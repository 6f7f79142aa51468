#!/usr/bin/env node
/*
 * Runs the Forge CLI's client-side linters (the part of `forge lint` that needs no login) on
 * this app, offline. The scope check ("endpoint X needs scope Y") reads the product API
 * documents from ../shared/specs beside the repository instead of downloading them.
 *
 * The linter can only check product calls whose route is written out literally, and the app
 * builds its routes in src/sources (encoded, then passed to `assumeTrustedRoute`). So besides
 * src/, it lints a generated probe: one literal `requestJira`/`requestConfluence` call per
 * endpoint the local site emulator serves the app (local/site/routes.ts), which makes the
 * scope check cover every endpoint the app can reach.
 *
 * @forge/lint is not a dependency of the project (it pulls in keytar, whose install script
 * fails without libsecret): scripts/lint-forge.sh installs it on demand, then runs this.
 *
 * Usage: node scripts/forge-lint.cjs [--json] [--manifest file]   (exit 1 on lint errors)
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const SPECS = process.env.ACTIVITYPULSE_SPECS_DIR
  ? path.resolve(process.env.ACTIVITYPULSE_SPECS_DIR)
  : path.resolve(ROOT, '..', 'shared', 'specs');
const SPEC_FILES = {
  LOCAL_JIRA_SWAGGER: 'jira-platform-v3.openapi.json',
  LOCAL_CONF_SWAGGER: 'confluence-v1.openapi.json',
  LOCAL_CONF_V2_SWAGGER: 'confluence-v2.openapi.json',
};
const json = process.argv.includes('--json');
// --manifest <file>: lint against another manifest (the self-check feeds one without scopes).
const manifestArg = process.argv.indexOf('--manifest');
const MANIFEST = manifestArg > 0 ? path.resolve(process.argv[manifestArg + 1] || '') : path.join(ROOT, 'manifest.yml');

function fail(message) {
  process.stderr.write(`forge-lint: ${message}\n`);
  process.exit(2);
}

function load(name) {
  try {
    return require(require.resolve(name, { paths: [ROOT] }));
  } catch (e) {
    fail(`${name} is not installed; run \`npm run lint:forge\` (it installs it without saving).\n${e.message}`);
  }
}

async function main() {
  for (const file of Object.values(SPEC_FILES)) {
    if (!fs.existsSync(path.join(SPECS, file))) {
      fail(`missing ${path.join(SPECS, file)}: the scope check needs the product API documents ` +
        '(shared/specs beside the repository, or set ACTIVITYPULSE_SPECS_DIR)');
    }
  }
  // The products this app does not use get an empty document.
  const empty = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'forge-lint-')), 'empty.openapi.json');
  fs.writeFileSync(empty, '{"paths":{}}');
  process.env.USE_LOCAL_SWAGGER = '1';
  for (const [env, file] of Object.entries(SPEC_FILES)) process.env[env] = path.join(SPECS, file);
  for (const env of ['LOCAL_JSM_SWAGGER', 'LOCAL_JSW_SWAGGER', 'LOCAL_BB_SWAGGER']) process.env[env] = empty;

  // The linters resolve tsconfig.json and source paths against the working directory.
  process.chdir(ROOT);
  const { lint, problemCount } = load('@forge/lint');
  const { FileSystemReader } = load('@forge/cli-shared');
  const { parse } = load('yaml');

  const manifest = parse(fs.readFileSync(MANIFEST, 'utf8'));
  const probe = writeEndpointProbe(path.dirname(empty));
  const files = [...(await new FileSystemReader().recursiveReadDir('./src', ['node_modules', '.git'])), probe.file];
  const quiet = { info: () => undefined };
  const statsigStub = { getDeprecatedRuntimes: async () => [] };
  // The probe lives outside tsconfig's include list: parse it without the type-aware project.
  const parseFunction = async (filepath, parser) => {
    const code = fs.readFileSync(filepath, 'utf8');
    const options = filepath === probe.file ? { project: undefined, tsconfigRootDir: undefined } : undefined;
    return { ast: await parser(code, filepath, options), filepath };
  };
  const results = await lint(files, manifest, 'development', quiet, statsigStub, { linter: { mode: 'client-side' }, parseFunction });

  const problems = [];
  for (const r of results) {
    for (const [level, list] of [['error', r.errors], ['warning', r.warnings]]) {
      for (const p of list) problems.push({ level, file: r.file, line: p.line, column: p.column, message: p.message, reference: p.reference });
    }
  }
  for (const p of problems) if (p.file === probe.file) p.file = `endpoint probe (${probe.lines[p.line] || 'line ' + p.line})`;
  const count = problemCount(results);
  if (json) {
    process.stdout.write(JSON.stringify({ files: files.length, endpoints: probe.endpoints, count, problems }, null, 2) + '\n');
  } else {
    for (const p of problems) process.stdout.write(`${p.level}: ${p.file}:${p.line}:${p.column} ${p.message} (${p.reference})\n`);
    process.stdout.write(`forge-lint: ${files.length} files, ${count.errors} errors, ${count.warnings} warnings\n`);
  }
  process.exit(count.errors > 0 ? 1 : 0);
}

/**
 * Served by the emulator, never called by the app: the removed issue search (answered with 410
 * so a regression shows) and Confluence's content permission check (for @forge/api authorize()).
 */
const NOT_CALLED_BY_APP = new Set([
  'GET /rest/api/3/search',
  'POST /rest/api/3/search',
  'POST /wiki/rest/api/content/{id}/permission/check',
]);

/** One literal product call per emulated endpoint, in a .js file (the linter parses those as is). */
function writeEndpointProbe(dir) {
  require(require.resolve('tsx/cjs/api', { paths: [ROOT] })).register();
  const allRoutes = require(path.join(ROOT, 'local', 'site', 'routes.ts')).allRoutes.filter(
    (r) => !NOT_CALLED_BY_APP.has(`${r.method} ${r.template}`),
  );
  const lines = { 1: 'header' };
  const body = ["import api, { route } from '@forge/api';", 'export async function probe(id) {'];
  for (const r of allRoutes) {
    const product = r.template.startsWith('/wiki/') ? 'Confluence' : 'Jira';
    const literal = r.template.replace(/\{[^}]+\}/g, '${id}');
    body.push(`  await api.asApp().request${product}(route\`${literal}\`, { method: '${r.method}' });`);
    lines[body.length] = `${r.method} ${r.template}`;
  }
  body.push('}');
  const file = path.join(dir, 'endpoint-probe.js');
  fs.writeFileSync(file, body.join('\n') + '\n');
  return { file, lines, endpoints: allRoutes.length };
}

main().catch((e) => fail(e && e.stack ? e.stack : String(e)));
