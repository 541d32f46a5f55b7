import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeTile } from '../../../tiles/src/decode.ts';
import { tileBounds3857, tileExtent, tilesContaining, type TileCoord } from '../../../tiles/src/index.ts';
import { sql } from '../db/database.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { insertReports } from './test-fixtures.ts';

type Feature = { geometry: unknown; properties: Record<string, unknown> };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // 600 reports uniform over the cities in the twelve weeks to 31 March 2026 and, in the last
  // week, 120 within 150 m of one spot: a Gi* hot spot, a DBSCAN cluster and a new emerging spot.
  await insertReports(t.db, sql`
    SELECT (ST_Dump(ST_GeneratePoints((SELECT ST_Union(geom) FROM cities), 600, 4))).geom AS geom,
           'sampah' AS category, timestamptz '2026-01-07T00:00:00+07:00' + random() * interval '83 days' AS created_at
    UNION ALL
    SELECT ST_Transform((ST_Dump(ST_GeneratePoints(ST_Buffer(ST_Transform(ST_Point(106.63, -6.18, 4326), 32748), 150), 120, 5))).geom, 4326),
           'sampah', timestamptz '2026-03-27T00:00:00+07:00'`);
}, 120_000);
afterAll(async () => t?.close());

const [spotTile] = tilesContaining(106.63, -6.18, 13, 13);

async function geojson(path: string, query: string) {
  const response = await t.app.inject({ method: 'GET', url: `${path}?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { parameters: Record<string, unknown>; features: Feature[] };
}

async function tile(path: string, query: string, { z, x, y }: TileCoord) {
  const response = await t.app.inject({ method: 'GET', url: `${path}/tiles/${z}/${x}/${y}.mvt?${query}` });
  expect([200, 204], response.body).toContain(response.statusCode);
  return decodeTile(response.rawPayload);
}

/**
 * Which of the features meet the tile's square (inner) and the square grown by the 64-unit
 * buffer that tiles carry so that outlines do not stop at the tile edge (outer), by PostGIS.
 */
async function meetingTile(features: Feature[], coord: TileCoord) {
  const b = tileBounds3857(coord);
  const pad = (64 * b.size) / tileExtent;
  const rows = await t.db.query<{ index: number; inner: boolean; outer: boolean }>(sql`
    SELECT f.index,
           ST_Intersects(g, ST_MakeEnvelope(${b.minX}::float8, ${b.minY}::float8, ${b.maxX}::float8, ${b.maxY}::float8, 3857)) AS inner,
           ST_Intersects(g, ST_MakeEnvelope(${b.minX - pad}::float8, ${b.minY - pad}::float8, ${b.maxX + pad}::float8, ${b.maxY + pad}::float8, 3857)) AS outer
    FROM jsonb_array_elements(${JSON.stringify(features.map((f) => f.geometry))}::jsonb) WITH ORDINALITY AS e (geometry, n)
    CROSS JOIN LATERAL (SELECT (e.n - 1)::integer AS index,
                               ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(e.geometry::text), 4326), 3857) AS g) AS f`);
  return {
    inner: rows.filter((r) => r.inner).map((r) => features[r.index]),
    outer: rows.filter((r) => r.outer).map((r) => features[r.index]),
  };
}

// What a GeoJSON feature's properties become in a tile: nulls left out, lists and objects as JSON.
const asInTile = (properties: Record<string, unknown>) => Object.fromEntries(Object.entries(properties)
  .filter(([, v]) => v !== null)
  .map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : v]));

describe.each([
  ['/api/hotspots/getis-ord', 'category=sampah&cell_m=500&distance_m=1000', 'getis_ord', ['i', 'j']],
  ['/api/hotspots/getis-ord', 'cell_m=250&neighbours=knn&k=8&fdr=true', 'getis_ord', ['i', 'j']],
  ['/api/hotspots/dbscan', 'eps_m=60&min_points=8', 'dbscan', ['cluster']],
  ['/api/hotspots/emerging', 'cell_m=500&until=2026-03-31', 'emerging', ['i', 'j']],
])('%s/tiles?%s', (path, query, layer, identity) => {
  const id = (p: Record<string, unknown>) => identity.map((k) => p[k]).join(',');

  it(`holds exactly the features of the GeoJSON that meet the tile, in layer ${layer}, with their properties`, async () => {
    const body = await geojson(path, query);
    const { inner, outer } = await meetingTile(body.features, spotTile);
    expect(inner.length).toBeGreaterThan(0);
    const decoded = (await tile(path, query, spotTile))[layer] ?? [];
    const inTile = new Map(decoded.map((f) => [id(f.properties), f]));
    expect(inTile.size).toBe(decoded.length);
    // every feature meeting the tile is there; nothing is there that does not meet its buffer
    for (const f of inner) expect(inTile.has(id(f.properties)), id(f.properties)).toBe(true);
    const allowed = new Set(outer.map((f) => id(f.properties)));
    expect([...inTile.keys()].filter((k) => !allowed.has(k))).toEqual([]);
    const byId = new Map(body.features.map((f) => [id(f.properties), f]));
    for (const [key, f] of inTile) {
      expect(f.type).toBe(3);
      expect(f.properties, key).toEqual(asInTile(byId.get(key)!.properties));
    }
  });
});

describe('hot-spot tiles', () => {
  const path = '/api/hotspots/getis-ord';
  const query = 'category=sampah&cell_m=500&distance_m=1000';

  it('cuts every tile from one computation, and answers ETag, 304 and gzip', async () => {
    await geojson(path, query);
    const before = t.app.analyticsCache.computations;
    const { z, x, y } = spotTile;
    const neighbours = [{ z, x: x + 1, y }, { z, x, y: y + 1 }, { z: z - 2, x: x >> 2, y: y >> 2 }];
    for (const coord of neighbours) {
      expect(Object.keys(await tile(path, query, coord))).toEqual(['getis_ord']);
    }
    const url = `${path}/tiles/${z}/${x}/${y}.mvt?${query}`;
    const zipped = await t.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
    expect(decodeTile(gunzipSync(zipped.rawPayload)).getis_ord.length).toBeGreaterThan(0);
    const again = await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': String(zipped.headers.etag) } });
    expect(again.statusCode).toBe(304);
    expect(t.app.analyticsCache.computations).toBe(before);
  });

  it.each([
    ['3/8/0', query, 400, 'INVALID_TILE'],
    ['25/0/0', query, 400, 'VALIDATION_FAILED'],
    [`${spotTile.z}/${spotTile.x}/${spotTile.y}`, 'cell_m=300', 400, 'VALIDATION_FAILED'],
    [`${spotTile.z}/${spotTile.x}/${spotTile.y}`, 'cell_m=500&distance_m=500', 400, 'DISTANCE_TOO_SHORT'],
    [`${spotTile.z}/${spotTile.x}/${spotTile.y}`, 'category=gempa', 422, 'UNKNOWN_CATEGORY'],
    [`${spotTile.z}/${spotTile.x}/${spotTile.y}`, 'since=2026-03-01&until=2026-02-01', 400, 'EMPTY_PERIOD'],
  ])('rejects tile %s?%s with %i %s', async (zxy, q, status, code) => {
    const response = await t.app.inject({ method: 'GET', url: `${path}/tiles/${zxy}.mvt?${q}` });
    expect(response.statusCode).toBe(status);
    expect(response.json().error.code).toBe(code);
  });
});
