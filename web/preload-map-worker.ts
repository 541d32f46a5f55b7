import type { Plugin } from 'vite';

const mapWorker = /^assets\/maplibre-gl-worker-[^/]+\.mjs$/;

/**
 * Starts the download of MapLibre's web worker (about 145 kB gzipped) from the public page's
 * HTML, beside the main bundle. MapLibre asks for it only once its own code has run, and on a
 * slow phone that put one more download between the page and its first tiles. The worker's
 * request then finds it in the HTTP cache (/assets is immutable, server/src/web/static.ts).
 */
export function preloadMapWorker(): Plugin {
  return {
    name: 'petawarga:preload-map-worker',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        if (!context.bundle || !context.filename.endsWith('/index.html')) return;
        const worker = Object.keys(context.bundle).find((file) => mapWorker.test(file));
        if (!worker) throw new Error('MapLibre\'s worker is not in the bundle: web/src/map/maplibre.ts imports it with ?url');
        return [{ tag: 'link', attrs: { rel: 'preload', href: `/${worker}`, as: 'fetch', crossorigin: true }, injectTo: 'head' }];
      },
    },
  };
}
