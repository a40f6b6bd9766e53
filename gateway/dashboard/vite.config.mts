import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The sector dashboard: bundled from node_modules into gateway/public/dashboard, served by the
// gateway at /dashboard (no CDN, no web fonts: it works offline).
const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/dashboard/',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../public/dashboard', import.meta.url)),
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
});
