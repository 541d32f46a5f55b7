import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeTile } from '../../../tiles/src/decode.ts';
import { tilesContaining } from '../../../tiles/src/index.ts';
import { sql } from '../db/database.ts';
import { eventually } from '../test/eventually.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { immediateFromZoom, lowZoomFreshnessMs } from './report-tile-drops.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const report = (category: string, lon: number, lat: number) =>
  t.app.inject({
    method: 'POST', url: '/api/reports',
    payload: { category, description: 'Sampah menumpuk di tepi jalan dekat pasar', lon, lat },
  }).then((r) => r.json());

const tileAt = (lon: number, lat: number, z: number) => tilesContaining(lon, lat, z, z)[0];
const getTile = (source: string, tile: { z: number; x: number; y: number }, query = '', headers = {}) =>
  t.app.inject({ method: 'GET', url: `/tiles/${source}/${tile.z}/${tile.x}/${tile.y}.mvt${query}`, headers });
const features = (payload: Buffer) => (payload.length ? decodeTile(payload).reports ?? [] : []);
/** A tile once `ok` holds for it: at once from zoom 14, within the freshness bound below. */
const tileOnceIt = (
  tile: { z: number; x: number; y: number }, ok: (res: Awaited<ReturnType<typeof getTile>>) => boolean, query = '', headers = {},
) => eventually(async () => {
  const res = await getTile('reports', tile, query, headers);
  return (ok(res) || tile.z >= immediateFromZoom) && res;
}, { what: `the z${tile.z} tile to change`, timeoutMs: lowZoomFreshnessMs + 1000, intervalMs: 25 });

describe('report tiles', () => {
  it('show a new report at once from zoom 14 and within the freshness bound below, as a cluster below 17 and a point from 17', async () => {
    const lon = 106.6401, lat = -6.1802;
    // Fetch first so that the tiles are cached: the new report must still show.
    for (const z of [8, 12, 16, 17]) await getTile('reports', tileAt(lon, lat, z));
    const { code } = await report('sampah', lon, lat);
    for (const z of [8, 12, 16]) {
      const res = await tileOnceIt(tileAt(lon, lat, z), (r) => r.statusCode === 200);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
      const clusters = features(res.rawPayload);
      expect(clusters.every((f) => f.properties.cluster === true)).toBe(true);
      expect(clusters.reduce((n, f) => n + Number(f.properties.point_count), 0)).toBeGreaterThanOrEqual(1);
      expect(clusters.some((f) => Number(f.properties.n_sampah) >= 1)).toBe(true);
    }
    const points = features((await getTile('reports', tileAt(lon, lat, 17))).rawPayload);
    expect(points.find((f) => f.properties.code === code)).toMatchObject({
      type: 1, properties: { cluster: false, category: 'sampah', status: 'published' },
    });
  });

  it('counts every public report of the tile in its clusters, with per-category counts', async () => {
    const base = { lon: 106.70, lat: -6.28 };
    for (const [i, c] of ['banjir', 'banjir', 'sampah'].entries()) await report(c, base.lon + i * 0.0003, base.lat);
    const tile = tileAt(base.lon, base.lat, 13);
    const clusters = features((await getTile('reports', tile)).rawPayload);
    const [{ expected, banjir }] = await t.db.query<{ expected: number; banjir: number }>(sql`
      SELECT count(*)::int AS expected, count(*) FILTER (WHERE category_code = 'banjir')::int AS banjir
      FROM reports WHERE location_3857 && ST_TileEnvelope(${tile.z}, ${tile.x}, ${tile.y})`);
    expect(expected).toBeGreaterThanOrEqual(3);
    expect(clusters.reduce((n, f) => n + Number(f.properties.point_count), 0)).toBe(expected);
    expect(clusters.reduce((n, f) => n + Number(f.properties.n_banjir ?? 0), 0)).toBe(banjir);
  });

  it('filter by category like the list API', async () => {
    const lon = 106.655, lat = -6.2;
    await report('banjir', lon, lat);
    const { code: lampu } = await report('lampu_jalan', lon + 0.0001, lat);
    const tile = tileAt(lon, lat, 18);
    const onlyLampu = features((await getTile('reports', tile, '?category=lampu_jalan')).rawPayload);
    expect(onlyLampu.map((f) => f.properties.code)).toEqual([lampu]);
    const bad = await getTile('reports', tile, '?category=NOT%20A%20CODE');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
  });

  it('count a new report in a time window, summed from the cells per week up to zoom 12', async () => {
    const lon = 106.675, lat = -6.225;
    const lastWeek = `?since=${new Date(Date.now() - 7 * 86_400_000).toISOString()}`;
    const beforeToday = `?since=2020-01-01T00:00:00Z&until=${new Date(Date.now() - 86_400_000).toISOString()}`;
    const countedIn = (payload: Buffer) => features(payload).reduce((n, f) => n + Number(f.properties.n_jalan_rusak ?? 0), 0);
    const counted = async (z: number, query: string) => countedIn((await getTile('reports', tileAt(lon, lat, z), query)).rawPayload);
    const before: Record<number, [number, number]> = {};
    for (const z of [8, 11, 12, 14]) before[z] = [await counted(z, lastWeek), await counted(z, beforeToday)];
    await report('jalan_rusak', lon, lat);
    for (const z of [8, 11, 12, 14]) {
      const inLastWeek = await tileOnceIt(tileAt(lon, lat, z), (r) => countedIn(r.rawPayload) > before[z][0], lastWeek);
      expect(countedIn(inLastWeek.rawPayload), `z${z}, the last 7 days`).toBe(before[z][0] + 1);
      expect(await counted(z, beforeToday), `z${z}, until yesterday`).toBe(before[z][1]);
    }
  });

  it('hide reports that are not public', async () => {
    const lon = 106.66, lat = -6.21;
    const { code } = await report('banjir', lon, lat);
    for (const z of [10, 17]) await getTile('reports', tileAt(lon, lat, z), '?status=rejected,published');
    // Changed behind the app's back: the tiles follow the database's notification.
    await t.db.query(sql`UPDATE reports SET status = 'rejected' WHERE code = ${code}`);
    for (const z of [10, 17]) {
      await eventually(async () => {
        const all = features((await getTile('reports', tileAt(lon, lat, z), '?status=rejected,published')).rawPayload);
        return !all.some((f) => f.properties.code === code);
      }, { what: `the rejected report to leave the z${z} tile`, timeoutMs: 2000 });
    }
  });

  it('are gzipped on request, carry a strong ETag and answer 304 to it', async () => {
    const tile = tileAt(106.632, -6.17, 12);
    await report('banjir', 106.632, -6.17);
    const zipped = await tileOnceIt(tile, (r) => r.statusCode === 200, '', { 'accept-encoding': 'gzip' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    const plain = await getTile('reports', tile);
    expect(gunzipSync(zipped.rawPayload)).toEqual(plain.rawPayload);
    expect(plain.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(plain.headers['cache-control']).toBe('public, no-cache');
    const again = await getTile('reports', tile, '', { 'if-none-match': plain.headers.etag as string });
    expect(again.statusCode).toBe(304);
  });

  it('below zoom 17 read the cluster cells, never the reports table', async () => {
    // The layer SQL of a clustered tile must not touch `reports` (no scan of every point).
    const { reportsLayer } = await import('../reports/tile-layers.ts');
    const { parseReportFilter } = await import('../reports/filters.ts');
    for (const z of [6, 10, 16]) {
      const q = reportsLayer(parseReportFilter({})).query(tileAt(106.65, -6.2, z));
      const plan = await t.db.query<{ 'QUERY PLAN': string }>(sql`EXPLAIN ${q}`);
      const text = plan.map((r) => r['QUERY PLAN']).join('\n');
      expect(text).toContain('report_cluster_cells');
      expect(text).not.toMatch(/on reports\b/);
    }
  });

  it('refuse a tile that does not exist', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/tiles/reports/3/9/1.mvt' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_TILE');
  });
});

describe('boundary tiles and TileJSON', () => {
  it('carry kecamatan and kelurahan polygons and labels', async () => {
    const res = await getTile('kelurahan', tileAt(106.632, -6.17, 12));
    const layers = decodeTile(res.rawPayload);
    expect(Object.keys(layers).sort()).toEqual(['kecamatan', 'kecamatan_label', 'kelurahan', 'kelurahan_label']);
    expect(layers.kelurahan.find((f) => f.properties.code === '36.71.01.1001')).toMatchObject({
      type: 3, properties: { name: 'Sukarasa', kecamatan_name: 'Tangerang' },
    });
    expect(res.headers['cache-control']).toContain('max-age=86400');
  });

  it('describe both tile sets as TileJSON 3.0 carrying filters into the URL', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/tiles/reports.json?category=banjir' });
    expect(res.json()).toMatchObject({ tilejson: '3.0.0', maxzoom: 17, vector_layers: [{ id: 'reports' }] });
    expect(res.json().tiles[0]).toMatch(/\/tiles\/reports\/\{z\}\/\{x\}\/\{y\}\.mvt\?category=banjir$/);
    expect((await t.app.inject({ method: 'GET', url: '/tiles/kelurahan.json' })).json().vector_layers).toHaveLength(4);
  });
});
