// The floor for the phone-map bench: the least any MapLibre page can do to show the same report
// clusters on the same phone. MapLibre alone (its own files, no app code, no fonts, no boundary
// or base-map tiles), a background and the report tiles' cluster circles, served gzip-compressed
// and cacheable for good, so a second visit loads every script from the browser's HTTP cache
// (the app's second visit loads them from its service worker). Tiles are passed through to
// PetaWarga's server, so both pages draw the same tiles from the same tile cache.
import { get, type ServerResponse } from 'node:http';
import { serviceAreaBounds } from '../../web/src/map/service-area.ts';
import { reportTilesUrl } from '../../web/src/map/tile-urls.ts';
import { sendMapLibreFile, servePages, type PageSite } from './page-site.ts';

const page = `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/maplibre/maplibre-gl.css">
<link rel="preload" href="/maplibre/maplibre-gl-worker.mjs" as="fetch" crossorigin>
<style>html,body,#map{margin:0;height:100%}</style></head>
<body><div id="map"></div>
<script type="module">
import * as maplibregl from '/maplibre/maplibre-gl.mjs';
maplibregl.setWorkerUrl('/maplibre/maplibre-gl-worker.mjs');
const map = new maplibregl.Map({
  container: 'map',
  style: { version: 8,
    sources: { reports: { type: 'vector', tiles: [${JSON.stringify(reportTilesUrl('ORIGIN', {}))}.replace('ORIGIN', location.origin)], maxzoom: 17 } },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#dfe6e9' } },
      { id: 'report-clusters', type: 'circle', source: 'reports', 'source-layer': 'reports',
        filter: ['all', ['==', ['get', 'cluster'], true], ['>=', ['get', 'point_count'], 2]],
        paint: { 'circle-color': '#17806f', 'circle-radius': 14 } },
    ] },
  bounds: [[${serviceAreaBounds[0]}, ${serviceAreaBounds[1]}], [${serviceAreaBounds[2]}, ${serviceAreaBounds[3]}]],
  fitBoundsOptions: { padding: 16 },
});
window.__bareMap = map;
</script></body></html>`;

/** Serves the page at /, MapLibre's files under /maplibre/, and /tiles/ from `petawargaUrl`. */
export function serveBareMapLibre(petawargaUrl: string): Promise<PageSite> {
  return servePages((request, response) => {
    const pathName = new URL(request.url ?? '/', 'http://bench').pathname;
    if (pathName === '/') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' }).end(page);
    } else if (pathName.startsWith('/tiles/')) {
      passThrough(`${petawargaUrl}${request.url}`, response);
    } else if (!sendMapLibreFile(pathName, response, 'public, max-age=31536000, immutable')) {
      response.writeHead(404).end();
    }
  });
}

/** The tile as PetaWarga sent it: status, compressed body and headers, as a browser would get it. */
function passThrough(url: string, response: ServerResponse): void {
  get(url, { headers: { 'accept-encoding': 'gzip' } }, (answer) => {
    const headers: Record<string, string> = {};
    for (const name of ['content-type', 'content-encoding', 'cache-control', 'etag']) {
      const value = answer.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    response.writeHead(answer.statusCode ?? 502, headers);
    answer.pipe(response);
  }).on('error', () => response.writeHead(502).end());
}
