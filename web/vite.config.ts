import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { noServerRuntime } from './no-server-runtime.ts';
import { preloadPublicMap } from './preload-public-map.ts';
import { boundaryTileEntries } from './pwa/boundary-tiles.ts';
import { publicMapFiles } from './pwa/public-map-files.ts';
import { webManifest } from './pwa/manifest.ts';

const webDir = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const api = 'http://127.0.0.1:3000';

// Staff and planners work online at a desk: their pages and the code only they load stay out
// of what every resident's phone stores at install.
const publicMap = publicMapFiles();

export default defineConfig({
  root: webDir,
  base: '/',
  plugins: [
    react(),
    noServerRuntime(repoRoot),
    preloadPublicMap(),
    publicMap.plugin,
    VitePWA({
      // A new build takes over at the next visit; a resident never has to press "update".
      registerType: 'autoUpdate',
      // Registered by the app itself (web/src/service-worker.ts), after the map's first tiles.
      injectRegister: false,
      manifest: webManifest,
      includeAssets: ['icons/apple-touch-icon.png'],
      workbox: {
        // Latin fonts only (Indonesian and English), as woff2, which every browser with service
        // workers reads; MapLibre's worker (.mjs) is an asset, not a chunk of the entry. The
        // manifest and its icons are added by the plugin.
        globPatterns: ['index.html', '*.js', 'assets/*.{js,mjs,css}', 'assets/noto-sans-latin-*.woff2'],
        manifestTransforms: [publicMap.keepPublicMapOnly],
        // MapLibre's bundle is about 1.4 MB; above the 2 MB default only with a wide margin.
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        // One file: the Content-Security-Policy allows workers from 'self' only, and one file is
        // one request on a slow connection.
        inlineWorkboxRuntime: true,
        importScripts: ['/sw-warm.js'],
        // The cities' outlines, so the map shows where the service area is with no connection.
        additionalManifestEntries: boundaryTileEntries(repoRoot),
        // Client-side routes (/r/<code>) open from the stored app shell; server paths never do.
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/(api|tiles|media|docs|health|console|analytics)(\/|$)/],
        runtimeCaching: [
          {
            // sw-warm.js stores the first copy under the same cache name at install.
            urlPattern: ({ url }) => url.pathname === '/api/categories',
            handler: 'NetworkFirst',
            options: { cacheName: 'petawarga-api', networkTimeoutSeconds: 4 },
          },
          {
            // Zooms deeper than the ones stored at install, kept as they are seen.
            urlPattern: ({ url }) => url.pathname.startsWith('/tiles/kelurahan/'),
            handler: 'StaleWhileRevalidate',
            options: { cacheName: 'petawarga-boundaries', expiration: { maxEntries: 400 } },
          },
          {
            // The streets last seen, for a resident who opens the map with no connection. From the
            // network whenever there is one, so a new import shows at once (server/src/tiles/routes.ts).
            urlPattern: ({ url }) => url.pathname.startsWith('/tiles/basemap/'),
            handler: 'NetworkFirst',
            options: { cacheName: 'petawarga-basemap', networkTimeoutSeconds: 4, expiration: { maxEntries: 300 } },
          },
          {
            // The reports last seen, shown when there is no connection; fresh ones whenever there is.
            urlPattern: ({ url }) => url.pathname.startsWith('/tiles/reports/'),
            handler: 'NetworkFirst',
            options: { cacheName: 'petawarga-report-tiles', networkTimeoutSeconds: 4, expiration: { maxEntries: 300 } },
          },
        ],
      },
    }),
  ],
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
