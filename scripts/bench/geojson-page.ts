// The common approach to a first view, for comparison: a page that downloads every public
// report as GeoJSON (gzip-compressed, only the category as a property, which flatters it) and
// clusters them in the browser with MapLibre's own cluster source (supercluster in a worker).
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import { sql, type Database } from '../../server/src/db/database.ts';
import { serviceAreaBounds } from '../../web/src/map/service-area.ts';
import { sendMapLibreFile, servePages, type PageSite } from './page-site.ts';

const cacheDir = '/tmp/petawarga-bench-geojson';

const page = (count: number) => `<!doctype html>
<html><head><meta charset="utf-8"><link rel="stylesheet" href="/maplibre/maplibre-gl.css">
<style>html,body,#map{margin:0;height:100%}</style></head>
<body><div id="map"></div>
<script type="module">
import * as maplibre from '/maplibre/maplibre-gl.mjs';
const maplibregl = maplibre.default ?? maplibre;
const map = new maplibregl.Map({
  container: 'map',
  style: { version: 8, sources: {}, layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#f2efe9' } }] },
  bounds: [[${serviceAreaBounds[0]}, ${serviceAreaBounds[1]}], [${serviceAreaBounds[2]}, ${serviceAreaBounds[3]}]],
  fitBoundsOptions: { padding: 16 },
});
window.__benchMap = map;
map.on('load', () => {
  map.addSource('points', { type: 'geojson', data: '/points-${count}.geojson', cluster: true, clusterRadius: 50, clusterMaxZoom: 16 });
  map.addLayer({ id: 'clusters', type: 'circle', source: 'points', filter: ['has', 'point_count'],
    paint: { 'circle-color': '#d9480f', 'circle-radius': ['step', ['get', 'point_count'], 12, 100, 18, 1000, 24] } });
  map.addLayer({ id: 'points', type: 'circle', source: 'points', filter: ['!', ['has', 'point_count']],
    paint: { 'circle-color': '#d9480f', 'circle-radius': 4 } });
});
</script></body></html>`;

/** The first `count` public reports as a gzip-compressed FeatureCollection, written once per database and count. */
async function geojsonFile(db: Database, databaseName: string, count: number): Promise<string> {
  mkdirSync(cacheDir, { recursive: true });
  const file = path.join(cacheDir, `${databaseName}-${count}.geojson.gz`);
  if (existsSync(file)) return file;
  const out = createGzip();
  const written = new Promise<void>((resolve, reject) => out.pipe(createWriteStream(`${file}.part`)).on('finish', resolve).on('error', reject));
  out.write('{"type":"FeatureCollection","features":[');
  let lastId = 0;
  let left = count;
  let first = true;
  while (left > 0) {
    // Built in PostgreSQL a slice at a time: a million features as one string would not fit.
    const [slice] = await db.query<{ features: string | null; last_id: number | null; n: number }>(sql`
      SELECT string_agg(format('{"type":"Feature","geometry":{"type":"Point","coordinates":[%s,%s]},"properties":{"category":"%s"}}',
                               round(ST_X(location)::numeric, 6), round(ST_Y(location)::numeric, 6), category_code), ',') AS features,
             max(id)::int AS last_id, count(*)::int AS n
      FROM (SELECT id, location, category_code FROM reports
            WHERE id > ${lastId} AND status <> 'submitted' AND status <> 'rejected'
            ORDER BY id LIMIT ${Math.min(left, 100_000)}) AS slice`);
    if (!slice.n) break;
    out.write(`${first ? '' : ','}${slice.features}`);
    first = false;
    lastId = slice.last_id!;
    left -= slice.n;
  }
  out.end(']}');
  await written;
  renameSync(`${file}.part`, file);
  return file;
}

/** Serves the comparison page, MapLibre's files and the GeoJSON for each count. */
export async function serveGeojsonSite(db: Database, databaseName: string, counts: number[]): Promise<PageSite> {
  const files = new Map<number, string>();
  for (const count of counts) files.set(count, await geojsonFile(db, databaseName, count));
  return servePages((request, response) => {
    const url = new URL(request.url ?? '/', 'http://bench');
    const pageMatch = /^\/geojson-(\d+)\.html$/.exec(url.pathname);
    const dataMatch = /^\/points-(\d+)\.geojson$/.exec(url.pathname);
    if (pageMatch) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(Number(pageMatch[1])));
    } else if (dataMatch && files.has(Number(dataMatch[1]))) {
      response.writeHead(200, { 'content-type': 'application/geo+json', 'content-encoding': 'gzip' });
      createReadStream(files.get(Number(dataMatch[1]))!).pipe(response);
    } else if (!sendMapLibreFile(url.pathname, response)) {
      response.writeHead(404).end();
    }
  });
}
