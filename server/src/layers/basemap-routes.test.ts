import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { importSampleBasemap } from '../basemap/sample.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { describeNeeding, osmium } from '../test/requirements.ts';
import { signIn, type SignedIn } from '../test/staff.ts';

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, t.db, { role: 'admin' });
});
afterAll(() => t?.close());

const kinds = () => t.app.inject({ method: 'GET', url: '/api/layers/from-basemap/kinds', headers: admin.headers });
const copy = (payload: Record<string, unknown>, headers: Record<string, string> = admin.headers) =>
  t.app.inject({ method: 'POST', url: '/api/layers/from-basemap', headers, payload });
const layerCount = async (name: string) =>
  (await t.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM layers WHERE name = ${name}`))[0].n;

// Runs first: the test database starts with no base map.
it('refuses with BASEMAP_NOT_INSTALLED before any base map is imported, and offers nothing', async () => {
  expect((await kinds()).json()).toEqual({ installed: false, source_file: null, imported_at: null, kinds: [] });
  const res = await copy({ name: 'jalan-utama', layer: 'road', kind: 'major' });
  expect(res.statusCode, res.body).toBe(409);
  expect(res.json().error.code).toBe('BASEMAP_NOT_INSTALLED');
  expect(await layerCount('jalan-utama')).toBe(0);
});

describeNeeding([[osmium, 'the sample base map is imported with osmium-tool']], 'a layer from the base map', () => {
  beforeAll(async () => {
    await t.db.transaction((tx) => importSampleBasemap(tx));
  });

  it('offers each kind the base map holds with its count, leaving out place labels', async () => {
    const res = await kinds();
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ installed: true, source_file: 'sample-tangerang.osm' });
    expect(res.json().kinds).toEqual([
      { layer: 'road', kind: 'major', feature_count: 2 },
      { layer: 'road', kind: 'minor', feature_count: 2 },
      { layer: 'road', kind: 'path', feature_count: 1 },
      { layer: 'waterway', kind: 'drain', feature_count: 1 },
      { layer: 'waterway', kind: 'river', feature_count: 1 },
      { layer: 'water', kind: 'water', feature_count: 1 },
      { layer: 'poi', kind: 'market', feature_count: 1 },
      { layer: 'poi', kind: 'mosque', feature_count: 1 },
      { layer: 'poi', kind: 'school', feature_count: 1 },
    ]);
  });

  it('copies the major roads whose name contains a text into a lon/lat layer keyed by OSM id, recording who made it', async () => {
    const res = await copy({ name: 'jalan-daan-mogot', title: 'Jalan Daan Mogot', layer: 'road', kind: 'major', name_contains: 'daan mogot' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ name: 'jalan-daan-mogot', title: 'Jalan Daan Mogot', feature_count: 1, is_sample: true });
    const rows = await t.db.query(sql`
      SELECT f.feature_key, f.name, f.properties ->> 'kind' AS kind, ST_SRID(f.geom) AS srid, ST_GeometryType(f.geom) AS type,
             l.imported_by,
             -- The copy lies where the base map's line lies: under a millimetre apart.
             ST_HausdorffDistance(f.geom, (SELECT ST_Transform(geom, 4326) FROM basemap_features WHERE osm_id = 'way/1001')) < 1e-8 AS same_line
      FROM layer_features f JOIN layers l ON l.id = f.layer_id WHERE l.name = 'jalan-daan-mogot'`);
    expect(rows).toEqual([{
      feature_key: 'way/1001', name: 'Jalan Daan Mogot', kind: 'major', srid: 4326, type: 'ST_LineString',
      imported_by: expect.stringMatching(/^staff:\d+$/), same_line: true,
    }]);
    const list = await t.app.inject({ method: 'GET', url: '/api/layers', headers: admin.headers });
    expect(list.json().layers).toContainEqual(expect.objectContaining({ name: 'jalan-daan-mogot', feature_count: 1, is_sample: true }));
  });

  it('copies every feature of a kind without a name filter, and the layer works in a rule', async () => {
    const res = await copy({ name: 'jalan-utama', layer: 'road', kind: 'major' });
    expect(res.json()).toMatchObject({ title: null, feature_count: 2 });
    const [{ names }] = await t.db.query<{ names: string[] }>(sql`
      SELECT array_agg(f.name ORDER BY f.name) AS names FROM layer_features f JOIN layers l ON l.id = f.layer_id WHERE l.name = 'jalan-utama'`);
    expect(names).toEqual(['Jalan Daan Mogot', 'Jalan Merdeka']);
    const rule = await t.app.inject({
      method: 'POST', url: '/api/routing/rules', headers: admin.headers,
      payload: { name: 'Jalan utama ke Dishub', priority: 5, condition: { kind: 'near_layer', layer: 'jalan-utama', distance_m: 40 }, department: 'tgr-dishub' },
    });
    expect(rule.statusCode, rule.body).toBe(201);
    // ~22 m north of Jalan Daan Mogot (106.62, -6.1662).
    const [routed] = await t.db.query<{ department_code: string; feature: unknown }>(sql`
      SELECT department_code, explanation -> 'feature' AS feature FROM route_department(
        ST_SetSRID(ST_MakePoint(106.6200, -6.1660), 4326), 'jalan_rusak', '36.71', NULL, NULL)`);
    expect(routed).toMatchObject({ department_code: 'tgr-dishub', feature: { layer: 'jalan-utama', id: 'way/1001', name: 'Jalan Daan Mogot' } });
  });

  it('makes a polygon layer of the water areas, which an in_layer rule accepts', async () => {
    expect((await copy({ name: 'situ', layer: 'water', kind: 'water' })).json()).toMatchObject({ feature_count: 1 });
    const rule = await t.app.inject({
      method: 'POST', url: '/api/routing/rules', headers: admin.headers,
      payload: { name: 'Di situ', priority: 6, condition: { kind: 'in_layer', layer: 'situ' }, department: 'tgr-dlh' },
    });
    expect(rule.statusCode, rule.body).toBe(201);
  });

  it('refuses what matches nothing with BASEMAP_NOTHING_MATCHED, naming the filter', async () => {
    const none = await copy({ name: 'jalan-sudirman', layer: 'road', kind: 'major', name_contains: 'Sudirman' });
    expect(none.statusCode, none.body).toBe(422);
    expect(none.json().error).toMatchObject({ code: 'BASEMAP_NOTHING_MATCHED', message_en: expect.stringContaining('"Sudirman"') });
    const unknownKind = await copy({ name: 'jalan-tol', layer: 'road', kind: 'toll' });
    expect(unknownKind.json().error.code).toBe('BASEMAP_NOTHING_MATCHED');
    // A wildcard typed into the filter is a character to find, not "anything".
    expect((await copy({ name: 'jalan-persen', layer: 'road', kind: 'major', name_contains: '%%' })).json().error.code)
      .toBe('BASEMAP_NOTHING_MATCHED');
    expect(await layerCount('jalan-sudirman') + await layerCount('jalan-tol') + await layerCount('jalan-persen')).toBe(0);
  });

  it('refuses a name already taken with LAYER_EXISTS, and bad input with VALIDATION_FAILED', async () => {
    const again = await copy({ name: 'jalan-utama', layer: 'waterway', kind: 'river' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('LAYER_EXISTS');
    for (const payload of [
      { name: 'Jalan Utama', layer: 'road', kind: 'major' },
      { name: 'label', layer: 'place', kind: 'neighbourhood' },
      { name: 'tanpa-jenis', layer: 'road' },
    ]) {
      const res = await copy(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('is for admins only', async () => {
    const planner = await signIn(t.app, t.db, { role: 'planner' });
    expect((await copy({ name: 'sungai', layer: 'waterway', kind: 'river' }, planner.headers)).statusCode).toBe(403);
    expect((await copy({ name: 'sungai', layer: 'waterway', kind: 'river' }, {})).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/layers/from-basemap/kinds', headers: planner.headers })).statusCode).toBe(403);
    expect(await layerCount('sungai')).toBe(0);
  });
});
