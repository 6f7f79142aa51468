import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const stub = (name: string) => fileURLToPath(new URL(`./src/stubs/${name}`, import.meta.url));

// Relative asset URLs: Forge serves Custom UI from a sub-path.
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  resolve: {
    // Atlaskit code a Custom UI frame never runs (see each stub): kept out of the bundle.
    alias: [
      { find: /^@atlaskit\/feature-gate-js-client\/feature-gates$/, replacement: stub('feature-gates.ts') },
      { find: /^@atlaskit\/app-provider\/theme-provider$/, replacement: stub('theme-provider.tsx') },
      { find: /^\.\/rankable\/body$/, replacement: stub('rankable-body.tsx') },
    ],
  },
  build: {
    outDir: 'build',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 400,
    cssCodeSplit: false,
  },
});
