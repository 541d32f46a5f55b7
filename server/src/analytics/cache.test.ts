import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeTile } from '../../../tiles/src/decode.ts';
import { tilesContaining } from '../../../tiles/src/index.ts';
import { sql } from '../db/database.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { insertReports } from './test-fixtures.ts';

type Body = { parameters: { data_version: string; computed_at: string }; features: { properties: { i: number; j: number; count: number } }[] };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await insertReports(t.db, sql`
    SELECT (ST_Dump(ST_GeneratePoints((SELECT ST_Union(geom) FROM cities), 300, 8))).geom AS geom,
           'sampah' AS category, timestamptz '2026-02-01' AS created_at`);
}, 120_000);
afterAll(async () => t?.close());

const query = 'category=sampah&cell_m=500&distance_m=1000';
const spot = { lon: 106.63, lat: -6.18 };
const [spotTile] = tilesContaining(spot.lon, spot.lat, 12, 12);
const computations = () => t.app.analyticsCache.computations;

async function getisOrd(q = query) {
  const response = await t.app.inject({ method: 'GET', url: `/api/hotspots/getis-ord?${q}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Body;
}

async function tileCells() {
  const { z, x, y } = spotTile;
  const response = await t.app.inject({ method: 'GET', url: `/api/hotspots/getis-ord/tiles/${z}/${x}/${y}.mvt?${query}` });
  expect(response.statusCode).toBe(200);
  return new Map(decodeTile(response.rawPayload).getis_ord.map((f) => [`${f.properties.i},${f.properties.j}`, Number(f.properties.count)]));
}

async function spotCell() {
  const [cell] = await t.db.query<{ i: number; j: number }>(sql`
    SELECT c.i, c.j FROM (SELECT ST_Transform(ST_Point(${spot.lon}::float8, ${spot.lat}::float8, 4326), 32748) AS p) AS s,
           hexagon_cell(ST_X(s.p), ST_Y(s.p), 500) AS c`);
  return `${cell.i},${cell.j}`;
}

const addReportAtSpot = () => insertReports(t.db, sql`
  SELECT ST_Point(${spot.lon}::float8, ${spot.lat}::float8, 4326) AS geom, 'sampah' AS category, timestamptz '2026-02-02' AS created_at`);

describe('analytics results per parameter set', () => {
  it('are reused for the same parameters, by GeoJSON and tiles alike, and computed per parameter set', async () => {
    const start = computations();
    const first = await getisOrd();
    expect(computations()).toBe(start + 1);
    const second = await getisOrd();
    await tileCells();
    expect(computations()).toBe(start + 1);
    expect(second.parameters.computed_at).toBe(first.parameters.computed_at);
    expect(second.parameters.data_version).toBe(first.parameters.data_version);
    // the same parameters written differently are the same set
    await getisOrd('distance_m=1000&cell_m=500&category=sampah');
    expect(computations()).toBe(start + 1);
    await getisOrd('category=sampah&cell_m=500&distance_m=1500');
    expect(computations()).toBe(start + 2);
  });

  it('are computed again once a new report arrives, for tiles and GeoJSON', async () => {
    const before = await getisOrd();
    const cell = await spotCell();
    const tileBefore = await tileCells();
    const start = computations();

    await addReportAtSpot();
    // the tile asked first computes the new result; the GeoJSON then reuses it
    const tileAfter = await tileCells();
    expect(computations()).toBe(start + 1);
    expect(tileAfter.get(cell)).toBe((tileBefore.get(cell) ?? 0) + 1);
    const after = await getisOrd();
    expect(computations()).toBe(start + 1);
    expect(after.parameters.data_version).not.toBe(before.parameters.data_version);
    expect(after.parameters.computed_at > before.parameters.computed_at).toBe(true);
    const total = (b: Body) => b.features.reduce((sum, f) => sum + f.properties.count, 0);
    expect(total(after)).toBe(total(before) + 1);
    expect(after.features.find((f) => `${f.properties.i},${f.properties.j}` === cell)!.properties.count).toBe(tileAfter.get(cell));
  });

  it('are computed again when a report changes, such as leaving the public statuses', async () => {
    const before = await getisOrd();
    const start = computations();
    await t.db.query(sql`
      UPDATE reports SET status = 'rejected', updated_at = now()
      WHERE id = (SELECT max(id) FROM reports WHERE category_code = 'sampah')`);
    const after = await getisOrd();
    expect(computations()).toBe(start + 1);
    expect(after.parameters.data_version).not.toBe(before.parameters.data_version);
    expect(after.features.reduce((sum, f) => sum + f.properties.count, 0))
      .toBe(before.features.reduce((sum, f) => sum + f.properties.count, 0) - 1);
  });
});
