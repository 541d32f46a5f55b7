import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { signIn, type SignedIn } from '../test/staff.ts';

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, t.db, { role: 'admin' });
});
afterAll(() => t?.close());

type Position = number[];
const feature = (geometry: unknown, extra: Record<string, unknown> = {}) => ({ type: 'Feature', properties: { name: 'Uji' }, geometry, ...extra });
const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const ring = (lon: number, lat: number, d = 0.001): Position[] =>
  [[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]];
// Near Tangerang's centre (Kelurahan Sukasari).
const square = feature({ type: 'Polygon', coordinates: [ring(106.637, -6.183)] }, { id: 'kotak' });

function upload(name: string, body: unknown, query = '', headers: Record<string, string> = admin.headers) {
  return t.app.inject({
    method: 'POST', url: `/api/layers?name=${name}${query}`,
    headers: { ...headers, 'content-type': 'application/geo+json' },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function expectRefused(name: string, body: unknown, status: number, code: string, query = '') {
  const res = await upload(name, body, query);
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().error.code).toBe(code);
  const [{ n }] = await t.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM layers WHERE name = ${name}`);
  expect(n).toBe(0);
  return res.json().error;
}

describe('importing a layer', () => {
  it('stores a FeatureCollection with its features in PostGIS and serves it back as GeoJSON', async () => {
    const line = feature({ type: 'LineString', coordinates: [[106.63, -6.18, 12], [106.64, -6.18, 15]] }, { id: 7 });
    const res = await upload('impor-uji', collection(square, line), '&title=Uji');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ name: 'impor-uji', title: 'Uji', feature_count: 2, replaced: false, repaired: [] });
    const rows = await t.db.query<{ feature_key: string; type: string; srid: number; dims: number }>(sql`
      SELECT f.feature_key, ST_GeometryType(f.geom) AS type, ST_SRID(f.geom) AS srid, ST_NDims(f.geom) AS dims
      FROM layer_features f JOIN layers l ON l.id = f.layer_id WHERE l.name = 'impor-uji' ORDER BY f.id`);
    expect(rows).toEqual([
      { feature_key: 'kotak', type: 'ST_Polygon', srid: 4326, dims: 2 },
      { feature_key: '7', type: 'ST_LineString', srid: 4326, dims: 2 },
    ]);
    const back = await t.app.inject({ method: 'GET', url: '/api/layers/impor-uji', headers: admin.headers });
    expect(back.json().features.map((f: { id: string }) => f.id)).toEqual(['kotak', '7']);
    const list = await t.app.inject({ method: 'GET', url: '/api/layers', headers: admin.headers });
    expect(list.json().layers).toContainEqual(expect.objectContaining({
      name: 'impor-uji', feature_count: 2, geometry_types: ['ST_LineString', 'ST_Polygon'], rule_ids: [],
    }));
  });

  it('refuses a second layer of the same name with LAYER_EXISTS, and replaces it on request', async () => {
    expect((await upload('ganti-uji', collection(square))).statusCode).toBe(201);
    const again = await upload('ganti-uji', collection(square));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('LAYER_EXISTS');
    const replaced = await upload('ganti-uji', collection(square, feature({ type: 'Point', coordinates: [106.63, -6.18] })), '&replace=true');
    expect(replaced.json()).toMatchObject({ replaced: true, feature_count: 2 });
  });

  it('repairs a self-intersecting polygon with ST_MakeValid, or refuses it with INVALID_GEOMETRY when asked not to', async () => {
    const bowtie = feature({ type: 'Polygon', coordinates: [[[106.630, -6.180], [106.632, -6.182], [106.632, -6.180], [106.630, -6.182], [106.630, -6.180]]] }, { id: 'dasi' });
    const refused = await expectRefused('dasi-uji', collection(bowtie), 422, 'INVALID_GEOMETRY', '&repair=false');
    expect(refused.details.features[0]).toMatchObject({ feature: 1, id: 'dasi', reason: expect.stringMatching(/Self-intersection/) });
    const res = await upload('dasi-uji', collection(bowtie));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().repaired).toEqual([{ id: 'dasi', reason: expect.stringMatching(/Self-intersection/) }]);
    const [stored] = await t.db.query<{ valid: boolean; type: string }>(sql`
      SELECT ST_IsValid(geom) AS valid, ST_GeometryType(geom) AS type FROM layer_features WHERE feature_key = 'dasi'`);
    expect(stored).toEqual({ valid: true, type: 'ST_MultiPolygon' });
  });

  it('refuses a line that collapses to a point, which cannot be repaired', async () => {
    await expectRefused('titik-uji', collection(feature({ type: 'LineString', coordinates: [[106.63, -6.18], [106.63, -6.18]] })), 422, 'INVALID_GEOMETRY');
  });

  it('refuses what is not a FeatureCollection, and malformed features, with 400 INVALID_GEOJSON', async () => {
    await expectRefused('bukan-uji', { type: 'Feature', geometry: null }, 400, 'INVALID_GEOJSON');
    await expectRefused('bukan-uji', '{"type": "FeatureCollection", "features": [', 400, 'MALFORMED_JSON');
    const short = await expectRefused('bukan-uji', collection(square, feature({ type: 'Point', coordinates: [106.63] })), 400, 'INVALID_GEOJSON');
    expect(short.details.feature).toBe(2);
    const open = feature({ type: 'Polygon', coordinates: [ring(106.637, -6.183).slice(0, 4).concat([[106.7, -6.2]])] });
    expect((await expectRefused('bukan-uji', collection(open), 400, 'INVALID_GEOJSON')).details.problem).toMatch(/ring must end/);
  });

  it('refuses other coordinate systems, projected and swapped coordinates', async () => {
    const utm = { ...collection(square), crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::32748' } } };
    await expectRefused('crs-uji', utm, 422, 'UNSUPPORTED_CRS');
    // The same square in UTM 48S metres, without a crs member.
    await expectRefused('crs-uji', collection(feature({ type: 'Point', coordinates: [680000, 9316000] })), 422, 'NOT_LONLAT');
    await expectRefused('crs-uji', collection(feature({ type: 'Point', coordinates: [-6.183, 106.637] })), 422, 'COORDINATES_SWAPPED');
    const wgs84 = { ...collection(square), crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } } };
    expect((await upload('crs-uji', wgs84)).statusCode).toBe(201);
  });

  it('refuses features far from both cities with FEATURES_OUTSIDE_SERVICE_AREA, but accepts a line running a little beyond', async () => {
    const bandung = feature({ type: 'Polygon', coordinates: [ring(107.61, -6.91)] }, { id: 'bandung' });
    const error = await expectRefused('jauh-uji', collection(square, bandung), 422, 'FEATURES_OUTSIDE_SERVICE_AREA');
    expect(error.details.features).toEqual([{ feature: 2, id: 'bandung' }]);
    // From Tangerang's centre west to ~2 km past the city's western edge (106.551°).
    const road = feature({ type: 'LineString', coordinates: [[106.63, -6.19], [106.535, -6.20]] });
    expect((await upload('jauh-uji', collection(road))).statusCode).toBe(201);
  });

  it('refuses unsupported geometry types, duplicate ids, empty and oversized layers', async () => {
    await expectRefused('batas-uji', collection(feature({ type: 'GeometryCollection', geometries: [] })), 422, 'UNSUPPORTED_GEOMETRY_TYPE');
    await expectRefused('batas-uji', collection(feature(null)), 422, 'UNSUPPORTED_GEOMETRY_TYPE');
    await expectRefused('batas-uji', collection(square, square), 422, 'DUPLICATE_FEATURE_ID');
    await expectRefused('batas-uji', collection(), 422, 'EMPTY_LAYER');
    const many = Array.from({ length: 5001 }, () => feature({ type: 'Point', coordinates: [106.63, -6.18] }));
    await expectRefused('batas-uji', collection(...many), 422, 'TOO_MANY_FEATURES');
    // ~20 bytes a position: 400,000 are over the 5 MB body limit, 200,040 under it but over the vertex limit.
    const at = (i: number, k = 0) => [Number((106.6 + i * 1e-6).toFixed(6)), Number((-6.18 + k * 1e-4).toFixed(4))];
    const long = feature({ type: 'LineString', coordinates: Array.from({ length: 400_000 }, (_, i) => at(i)) });
    await expectRefused('batas-uji', collection(long), 413, 'BODY_TOO_LARGE');
    const dense = Array.from({ length: 40 }, (_, k) => feature({ type: 'LineString', coordinates: Array.from({ length: 5001 }, (_, i) => at(i, k)) }));
    await expectRefused('batas-uji', collection(...dense), 422, 'TOO_MANY_VERTICES');
  });

  it('is for admins only; other staff may read', async () => {
    expect((await upload('hak-uji', collection(square), '', {})).statusCode).toBe(401);
    const planner = await signIn(t.app, t.db, { role: 'planner' });
    expect((await upload('hak-uji', collection(square), '', planner.headers)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/layers', headers: planner.headers })).statusCode).toBe(200);
  });

  it('refuses to delete a layer a rule uses, with LAYER_IN_USE', async () => {
    expect((await upload('pakai-uji', collection(square))).statusCode).toBe(201);
    const rule = await t.app.inject({
      method: 'POST', url: '/api/routing/rules', headers: admin.headers,
      payload: { name: 'pakai', priority: 5, condition: { kind: 'in_layer', layer: 'pakai-uji' }, department: 'tgr-dlh' },
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const del = await t.app.inject({ method: 'DELETE', url: '/api/layers/pakai-uji', headers: admin.headers });
    expect(del.statusCode).toBe(409);
    expect(del.json().error).toMatchObject({ code: 'LAYER_IN_USE', details: { rule_ids: [rule.json().id] } });
    await t.app.inject({ method: 'DELETE', url: `/api/routing/rules/${rule.json().id}`, headers: admin.headers });
    expect((await t.app.inject({ method: 'DELETE', url: '/api/layers/pakai-uji', headers: admin.headers })).statusCode).toBe(204);
  });
});
