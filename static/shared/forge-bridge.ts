/**
 * The parts of @forge/bridge these apps use, imported from the package's own modules. Its index
 * re-exports every API (realtime, Rovo, object store, feature flags, i18n, ...) through CommonJS,
 * which a bundler cannot tree-shake: the builds alias `@forge/bridge` here (vite.shared.mts), so
 * only these modules ship. The types stay the package's.
 */
export { invoke } from '../node_modules/@forge/bridge/out/invoke/index.js';
export { view } from '../node_modules/@forge/bridge/out/view/index.js';
export { router } from '../node_modules/@forge/bridge/out/router/index.js';
export { showFlag } from '../node_modules/@forge/bridge/out/flag/index.js';
