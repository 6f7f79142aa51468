import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

// Relative asset URLs: Forge serves Custom UI from a sub-path.
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: { outDir: 'build', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 400 },
});
