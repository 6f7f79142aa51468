#!/usr/bin/env node
/*
 * `npm run bundle`: packages the app the way `forge deploy` does, offline, into .bundle/.
 *
 * It drives Atlassian's own bundler (@forge/bundler, the package the Forge CLI uses) with the
 * CLI's own manifest reader (@forge/cli-shared ConfigFile), in the order the CLI's packager
 * (deploy/packager in @forge/cli) calls them:
 *  - functions: getEntryPoints(ConfigFile.getAppHandlers()) → getNodeBundler(...).bundle(...):
 *    webpack, target node18, commonjs, ts-loader with the app's tsconfig.json, no externals;
 *  - UI Kit resources (`render: native`): NativeUIBundler.bundleResources(...), target web;
 *  - Custom UI resources are uploaded as they are: their builds are copied.
 *
 * One difference, because the bundler cannot run offline as the CLI wires it: the node bundler
 * adds Forge's runtime loader and wrapper (__forge__.cjs, __forge_wrapper__.cjs, runtime.json),
 * which its NetworkWrapperProvider downloads from Atlassian's runtime CDN on every bundle
 * (@forge/bundler out/wrapper-provider.js). They are not in any npm package, so here the wrapper
 * provider is an offline one and those three files are left out; the local platform plays their
 * part (it loads index.cjs and calls the handlers the manifest names). bundle.json records this.
 *
 * Runs with @forge/bundler installed in scripts/forge-bundler/node_modules (scripts/bundle.sh does that).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const APP = path.resolve(__dirname, '..');
const OUT = path.join(APP, '.bundle');
const TOOL = path.resolve(APP, process.env.FORGE_BUNDLER_DIR ?? path.join('scripts', 'forge-bundler'));
const fromTool = (name) => require(require.resolve(name, { paths: [path.join(TOOL, 'node_modules')] }));

/** The runtime loader and wrapper Atlassian's CDN would supply: none, offline. */
const OFFLINE_RUNTIME = 'offline: forge deploy adds the Forge runtime loader and wrapper';
const offlineWrapperProvider = {
  async getNodeRuntimeWrapper() { return { script: '', source: OFFLINE_RUNTIME, version: OFFLINE_RUNTIME }; },
  async getNodeRuntimeLoader() { return { script: '', source: OFFLINE_RUNTIME, version: OFFLINE_RUNTIME }; },
};
const RUNTIME_ARTIFACTS = new Set(['__forge__.cjs', '__forge_wrapper__.cjs', '__forge_use_local_wrapper.txt', 'runtime.json']);

const logger = {
  info: (m) => console.log(m),
  warn: (m) => console.warn(`warning: ${m}`),
  error: (m) => console.error(m),
  debug: () => undefined,
  trace: () => undefined,
};

function copyDir(from, to) {
  fs.mkdirSync(to, { recursive: true });
  fs.cpSync(from, to, { recursive: true, dereference: true });
}

function listFiles(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p, base) : [path.relative(base, p)];
  });
}

async function main() {
  process.chdir(APP);
  const bundler = fromTool('@forge/bundler');
  const cli = fromTool('@forge/cli-shared');
  const version = fromTool('@forge/bundler/package.json').version;
  const configFile = new cli.ConfigFile(new cli.FileSystemReader(), new cli.FileSystemWriter());

  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });

  // Functions, as RuntimeBundler.packageCode does.
  const handlers = await configFile.getAppHandlers();
  const entryPoints = bundler.getEntryPoints(handlers);
  const nodeBundler = bundler.getNodeBundler(logger, offlineWrapperProvider, configFile);
  const fnOut = await nodeBundler.bundle({ appDirectory: APP, entryPoints });
  copyDir(fnOut.outputDir, path.join(OUT, 'functions'));
  fs.rmSync(fnOut.outputDir, { recursive: true, force: true });
  const leftOut = [...(fnOut.additionalOutputs?.keys() ?? [])].filter((k) => RUNTIME_ARTIFACTS.has(k));
  for (const [name, content] of fnOut.additionalOutputs ?? []) {
    if (RUNTIME_ARTIFACTS.has(name)) continue;
    const target = path.join(OUT, 'functions', name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (Buffer.isBuffer(content)) fs.writeFileSync(target, content);
    else fs.copyFileSync(content, target);
  }

  // Resources, as AppPackager.package + the resource packaging service do.
  const resources = await configFile.getResources();
  const nativeUi = resources.filter(cli.shouldBundleResource);
  const { nativeUiBundlesDetails } = await new bundler.NativeUIBundler(logger).bundleResources(nativeUi, undefined);
  const resourceReport = [];
  for (const r of nativeUiBundlesDetails) {
    copyDir(r.path, path.join(OUT, 'resources', r.key));
    fs.rmSync(r.path, { recursive: true, force: true });
    resourceReport.push({ key: r.key, type: r.resourceType, from: resources.find((x) => x.key === r.key)?.path });
  }
  for (const r of resources.filter((x) => !cli.shouldBundleResource(x))) {
    const from = path.join(APP, r.path);
    if (!fs.existsSync(from)) throw new Error(`Resource "${r.key}": ${r.path} does not exist (run npm run build:ui first).`);
    copyDir(from, path.join(OUT, 'resources', r.key));
    resourceReport.push({ key: r.key, type: r.resourceType, from: r.path });
  }

  const report = {
    bundler: `@forge/bundler@${version}`,
    functions: {
      entryPoints: entryPoints.map((e) => ({ name: e.name, from: path.relative(APP, e.path) })),
      handlers: handlers.map((h) => `${h.module}.${h.func}`),
      files: listFiles(path.join(OUT, 'functions')).sort(),
      runtime: OFFLINE_RUNTIME,
      leftOut,
    },
    resources: resourceReport.map((r) => ({ ...r, files: listFiles(path.join(OUT, 'resources', r.key)).sort() })),
  };
  fs.writeFileSync(path.join(OUT, 'bundle.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`bundle: ${report.bundler} → .bundle/ (functions: ${report.functions.files.filter((f) => !f.endsWith('.map')).join(', ')}; resources: ${report.resources.map((r) => r.key).join(', ')})`);
}

main().catch((e) => {
  console.error(`bundle failed: ${e && e.message ? e.message : e}`);
  process.exit(1);
});
