import { defineConfig, type Plugin, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/**
 * The build both Custom UI apps share (admin/ and dashboard/ each call customUiConfig). What it
 * does to the Atlaskit components is measured in `npm run bench` (benchmark 5).
 */
const stub = (file: string) => fileURLToPath(new URL(`./shared/atlaskit-stubs/${file}`, import.meta.url));

/**
 * Atlaskit modules imported relatively, out of reach of `resolve.alias`: dynamic-table's rankable
 * body, and the date picker's typed-date parser (see each stub).
 */
const relativeStubs: Plugin = {
  name: 'relative-atlaskit-stubs',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source === './rankable/body' && importer?.includes('@atlaskit/dynamic-table')) return stub('rankable-body.ts');
    if (source === '../internal/parse-date' && importer?.includes('@atlaskit/datetime-picker')) return stub('datetime-parse-date.ts');
    return null;
  },
};

/**
 * The shared modules the pages import (src/shared, src/domain) build zod schemas at module level
 * for the resolvers; the pages parse nothing with them. Building a schema has no side effects, so
 * each top-level `const` whose value builds one (`z.…(`, `…Schema.…(`: a schema, or an object
 * of them such as a resolver contract), chained calls such as `.strict().superRefine(…)`
 * included, or reads one (`Object.keys(contract)`) becomes a pure call, and the unused schemas, and zod with them, drop out of the
 * bundle. It runs on the TypeScript transform's output, where a top-level
 * statement starts at column 0 and the lines inside it are indented.
 */
const pureZodSchemas: Plugin = {
  name: 'pure-zod-schemas',
  transform(code, id) {
    if (!/[\\/]src[\\/](shared|domain)[\\/][^/\\]+\.ts$/.test(id) || !code.includes('z.')) return null;
    const statement = /^((?:export )?const \w+ = )([\s\S]*?);\n(?=\S|\n|$)/gm;
    const builds = (init: string) => /(?<![\w.$])(z|\w+Schema|Object)\.\w+\(/.test(init);
    return { code: code.replace(statement, (all, head: string, init: string) => (builds(init) ? `${head}/* @__PURE__ */ (() => (${init}))();\n` : all)), map: null };
  },
};

/** The Vite config of the Custom UI app in the directory `appUrl` (its `import.meta.url`). */
export function customUiConfig(appUrl: string): UserConfig {
  return defineConfig({
    root: fileURLToPath(new URL('.', appUrl)),
    // Relative asset URLs: Forge serves Custom UI from a sub-path.
    base: './',
    plugins: [relativeStubs, pureZodSchemas, react()],
    resolve: {
      // Atlaskit also ships ES2019 builds: native spread, classes and async instead of Babel helpers.
      mainFields: ['module:es2019', 'browser', 'module', 'jsnext:main', 'jsnext'],
      // Only the bridge modules the apps use, and code the Atlaskit components and the bridge
      // import that a Custom UI never runs (see each stub's comment).
      alias: [
        { find: /^react-dom\/test-utils$/, replacement: 'preact/test-utils' },
        { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
        { find: /^react(-dom)?$/, replacement: 'preact/compat' },
        { find: /^react\/jsx-(dev-)?runtime$/, replacement: 'preact/jsx-runtime' },
        { find: /^@forge\/bridge$/, replacement: fileURLToPath(new URL('./shared/forge-bridge.ts', import.meta.url)) },
        { find: /^iframe-resizer$/, replacement: stub('iframe-resizer.ts') },
        { find: /^@atlaskit\/feature-gate-js-client(\/feature-gates)?$/, replacement: stub('feature-gates.ts') },
        {
          find: /^@atlaskit\/top-layer\/(popover|popover\/popover|popover-surface|dialog|dialog-content|dialog-scroll-lock|use-anchored-popover|use-anchored-popover-at-point|use-simple-light-dismiss)$/,
          replacement: stub('top-layer.ts'),
        },
        { find: /^@atlaskit\/tag\/removable-tag$/, replacement: stub('removable-tag.tsx') },
        { find: /^@atlaskit\/app-provider\/theme-provider$/, replacement: stub('theme-provider.tsx') },
      ],
    },
    build: {
      outDir: 'build',
      emptyOutDir: true,
      sourcemap: false,
      // The admin page is one chunk (split, it measured more in total: each chunk compresses
      // alone); the dashboard loads all but its totals as chunks beside the first answer.
      chunkSizeWarningLimit: 800,
      cssCodeSplit: false,
    },
  });
}
