import type { Plugin, Rollup } from 'vite';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

const mapWorker = /^assets\/maplibre-gl-worker-[^/]+\.mjs$/;
const publicMapModule = /\/web\/src\/map\/public-map\.ts$/;

/**
 * The chunk the entry imports the public map from (src/main.ts) and the chunks it imports in
 * turn, which the browser would otherwise find only once the entry has run.
 */
function publicMapChunks(bundle: OutputBundle): string[] {
  const chunks = Object.values(bundle).filter((file): file is OutputChunk => file.type === 'chunk');
  const map = chunks.find((chunk) => chunk.moduleIds.some((id) => publicMapModule.test(id)));
  if (!map) throw new Error('The public map (src/map/public-map.ts) is in no chunk of the bundle');
  const found = new Set<string>();
  const visit = (file: string) => {
    const chunk = bundle[file] as OutputChunk | undefined;
    if (found.has(file) || !chunk || chunk.isEntry) return;
    found.add(file);
    chunk.imports.forEach(visit);
  };
  visit(map.fileName);
  return [...found];
}

/**
 * Starts, from the public page's HTML, the downloads the map needs beside the entry: the
 * public map's code with MapLibre (the entry imports it, so that the static page works before it
 * has come) and MapLibre's web worker (about 145 kB gzipped), which MapLibre asks for only once
 * its own code has run. On a slow phone each was one more download between the page and its
 * first tiles. The worker's request then finds it in the HTTP cache (/assets is immutable,
 * server/src/web/static.ts).
 */
export function preloadPublicMap(): Plugin {
  return {
    name: 'petawarga:preload-public-map',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        if (!context.bundle || !context.filename.endsWith('/index.html')) return;
        const worker = Object.keys(context.bundle).find((file) => mapWorker.test(file));
        if (!worker) throw new Error('MapLibre\'s worker is not in the bundle: web/src/map/maplibre.ts imports it with ?url');
        const modules = publicMapChunks(context.bundle).filter((file) => !html.includes(`/${file}"`));
        return [
          ...modules.map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const })),
          { tag: 'link', attrs: { rel: 'preload', href: `/${worker}`, as: 'fetch', crossorigin: true }, injectTo: 'head' },
        ];
      },
    },
  };
}
