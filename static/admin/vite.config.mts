import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const stub = (file: string) => fileURLToPath(new URL(`./${file}`, import.meta.url));

/** dynamic-table imports its rankable body relatively, out of reach of `resolve.alias`. */
const noRankableTable: Plugin = {
  name: 'no-rankable-table',
  enforce: 'pre',
  resolveId(source, importer) {
    return source === './rankable/body' && importer?.includes('@atlaskit/dynamic-table') ? stub('rankable-body-stub.ts') : null;
  },
};

/**
 * The shared modules the page imports (src/shared, src/domain) build zod schemas at module level
 * for the resolvers; the page itself parses nothing with them. Building a schema has no side
 * effects, so each `z.…(…)` and `…Schema.…(…)` call is marked pure and the unused schemas, and zod with them, drop
 * out of the bundle.
 */
const pureZodSchemas: Plugin = {
  name: 'pure-zod-schemas',
  transform(code, id) {
    if (!/[\\/]src[\\/](shared|domain)[\\/][^/\\]+\.ts$/.test(id) || !code.includes('z.')) return null;
    return { code: code.replace(/(?<![\w.$])(z|\w+Schema)\.(?=\w+\()/g, '/* @__PURE__ */ $1.'), map: null };
  },
};

// Relative asset URLs: Forge serves Custom UI from a sub-path.
export default defineConfig({
  root,
  base: './',
  plugins: [noRankableTable, pureZodSchemas, react()],
  resolve: {
    // Atlaskit also ships ES2019 builds: native spread, classes and async instead of Babel helpers.
    mainFields: ['module:es2019', 'browser', 'module', 'jsnext:main', 'jsnext'],
    // Code the Atlaskit components import that a Custom UI never runs (see each stub's comment).
    alias: [
      { find: /^@atlaskit\/feature-gate-js-client(\/feature-gates)?$/, replacement: stub('feature-gates-stub.ts') },
      {
        find: /^@atlaskit\/top-layer\/(popover|popover\/popover|popover-surface|dialog|dialog-content|dialog-scroll-lock|use-anchored-popover|use-anchored-popover-at-point|use-simple-light-dismiss)$/,
        replacement: stub('top-layer-stub.ts'),
      },
      { find: /^@atlaskit\/tag\/removable-tag$/, replacement: stub('removable-tag-stub.tsx') },
      { find: /^@atlaskit\/app-provider\/theme-provider$/, replacement: stub('theme-provider-stub.tsx') },
    ],
  },
  build: {
    outDir: 'build',
    emptyOutDir: true,
    sourcemap: false,
    // One chunk on purpose: split into lazy chunks the same page measured 19 KB gzip more in
    // total (each chunk compresses alone), and the whole build is what the budget counts.
    chunkSizeWarningLimit: 800,
  },
});
