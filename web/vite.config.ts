import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { noServerRuntime } from './no-server-runtime.ts';

const webDir = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const api = 'http://127.0.0.1:3000';

export default defineConfig({
  root: webDir,
  base: '/',
  plugins: [react(), noServerRuntime(repoRoot)],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // MapLibre alone is about 1.1 MB minified; the warning would fire on every build.
    chunkSizeWarningLimit: 1600,
    // Separate pages for the staff console and the planner view, so that the public map never loads their code.
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        console: fileURLToPath(new URL('./console.html', import.meta.url)),
        analytics: fileURLToPath(new URL('./analytics.html', import.meta.url)),
      },
    },
  },
  server: {
    // The API, tiles and photos come from the Fastify server (npm start) during development.
    proxy: Object.fromEntries(['/api', '/tiles', '/media', '/health', '/docs'].map((prefix) => [prefix, api])),
  },
});
