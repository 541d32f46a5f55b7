import { createTestApp, type TestApp } from '../test/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { insertReports } from './test-fixtures.ts';

type Cell = { properties: { i: number; j: number; label: string | null; counts: number[]; bins: number[]; trend_z: number } };

// Twelve weeks ending 31 March 2026 (WIB). The background category (lampu_jalan) has the same
// 600 random points every week, so a cell's Gi* changes from week to week only through what is
// planted on top of it; each scenario is its own category, planted on one spot, and is read
// together with the background (category=lampu_jalan,<scenario>).
const spot = sql`ST_Point(106.63, -6.18, 4326)`;
const weekStart = (week: number) => sql`timestamptz '2026-04-01T00:00:00+07:00' - (12 - ${week}::integer) * interval '7 days'`;
const scenarios: Record<string, (week: number) => number> = {
  banjir: (week) => (week === 11 ? 40 : 0), // only in the last week → new
  sampah: (week) => 12 + 8 * week, // growing → intensifying
  jalan_rusak: () => 40, // constant → persistent
  drainase: (week) => 100 - 8 * week, // shrinking → diminishing
};

let t: TestApp;
let spotCell: { i: number; j: number };
beforeAll(async () => {
  t = await createTestApp();
  await insertReports(t.db, sql`
    SELECT ST_Transform(p.geom, 4326) AS geom, 'lampu_jalan' AS category,
           timestamptz '2026-04-01T00:00:00+07:00' - (12 - w) * interval '7 days' + interval '3 days' AS created_at
    FROM (SELECT (ST_Dump(ST_GeneratePoints(ST_Union(h.geom), 600, 21))).geom
          FROM (SELECT ST_Transform(ST_Union(geom), 32748) AS g FROM cities) AS a, ST_HexagonGrid(1000, a.g) AS h
          WHERE ST_Intersects(h.geom, a.g)) AS p
    CROSS JOIN generate_series(0, 11) AS w`);
  for (const [category, count] of Object.entries(scenarios)) {
    for (let week = 0; week < 12; week++) {
      if (count(week) === 0) continue;
      await insertReports(t.db, sql`
        SELECT ${spot} AS geom, ${category}::text AS category, ${weekStart(week)} + interval '2 days' AS created_at
        FROM generate_series(1, ${count(week)}::integer)`);
    }
  }
  [spotCell] = await t.db.query<{ i: number; j: number }>(sql`
    SELECT c.i, c.j FROM (SELECT ST_Transform(${spot}, 32748) AS p) AS s, hexagon_cell(ST_X(s.p), ST_Y(s.p), 1000) AS c`);
}, 120_000);
afterAll(async () => t?.close());

async function emerging(query: string) {
  const response = await t.app.inject({ method: 'GET', url: `/api/hotspots/emerging?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { parameters: Record<string, unknown>; features: Cell[] };
}

describe('GET /api/hotspots/emerging', () => {
  it.each([
    ['banjir', 'new'],
    ['sampah', 'intensifying'],
    ['jalan_rusak', 'persistent'],
    ['drainase', 'diminishing'],
  ])('labels the spot planted as %s %s', async (category, label) => {
    const body = await emerging(`category=lampu_jalan,${category}&cell_m=1000&distance_m=2000&weeks=12&until=2026-03-31`);
    const cell = body.features.find((f) => f.properties.i === spotCell.i && f.properties.j === spotCell.j);
    expect(cell, 'the planted cell is hot in some week').toBeDefined();
    expect(cell!.properties.counts).toEqual(Array.from({ length: 12 }, (_, week) => scenarios[category](week) + cell!.properties.counts[0] - scenarios[category](0)));
    expect(cell!.properties.label, JSON.stringify(cell!.properties)).toBe(label);
  });

  it('echoes its parameters and downloads CSV named by them', async () => {
    const body = await emerging('category=sampah&cell_m=1000&distance_m=2000&weeks=12&until=2026-03-31');
    expect(body.parameters).toMatchObject({
      categories: ['sampah'], weeks: 12, cell_m: 1000, distance_m: 2000, neighbours: 'distance',
      since: '2026-01-06T17:00:00.000Z', until: '2026-03-31T17:00:00.000Z',
    });
    const csv = await t.app.inject({ method: 'GET', url: '/api/hotspots/emerging?category=sampah&cell_m=1000&until=2026-03-31&format=csv' });
    expect(csv.headers['content-disposition']).toBe('attachment; filename="emerging_sampah_1000m_2026-01-07_2026-03-31.csv"');
    expect(csv.body.split('\n')[0]).toBe('i,j,label,count,hot_weeks,trend_z,trend_p,counts,bins,wkt');
  });

  it('rejects fewer than 4 weeks and since (the window is set by until and weeks)', async () => {
    for (const query of ['weeks=2', 'weeks=100']) {
      const response = await t.app.inject({ method: 'GET', url: `/api/hotspots/emerging?${query}` });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
  });
});
