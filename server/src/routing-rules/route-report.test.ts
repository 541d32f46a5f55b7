import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { routeReport } from './route-report.ts';

// The boundaries overlap and leave gaps along shared edges (data/boundaries/SOURCE.md). These
// tests find such places in the real data with PostGIS and check the documented rule there.

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

type Point = { lon: number; lat: number };

describe('routing a point to its kelurahan', () => {
  it('sends a point in a sliver where two kelurahan overlap to the lower code', async () => {
    const [overlap] = await t.db.query<Point & { a: string; b: string }>(sql`
      SELECT a.code AS a, b.code AS b,
             ST_X(ST_PointOnSurface(ST_Intersection(a.geom, b.geom))) AS lon,
             ST_Y(ST_PointOnSurface(ST_Intersection(a.geom, b.geom))) AS lat
      FROM kelurahan a JOIN kelurahan b ON a.code < b.code AND ST_Intersects(a.geom, b.geom)
      WHERE ST_Area(ST_Intersection(a.geom, b.geom)::geography) > 2000
      ORDER BY ST_Area(ST_Intersection(a.geom, b.geom)::geography) DESC
      LIMIT 1`);
    expect(overlap).toBeDefined();
    const routed = await routeReport(t.db, overlap.lon, overlap.lat, 'sampah');
    expect(routed.kelurahanCode).toBe(overlap.a);
    expect(routed.explanation.kelurahan.rule).toBe('overlap_lowest_code');
    expect(routed.explanation.kelurahan.candidates.slice(0, 2)).toEqual([overlap.a, overlap.b]);
  });

  it('sends a point in a gap inside the city to the nearest kelurahan', async () => {
    // A gap: inside a city outline, in no kelurahan polygon.
    const [gap] = await t.db.query<Point & { nearest: string }>(sql`
      WITH gaps AS (
        SELECT (ST_Dump(ST_Difference(c.geom, (SELECT ST_Union(geom) FROM kelurahan WHERE city_code = c.code)))).geom AS g
        FROM cities c WHERE c.code = '36.71'
      ), biggest AS (SELECT ST_PointOnSurface(g) AS p FROM gaps ORDER BY ST_Area(g) DESC LIMIT 1)
      SELECT ST_X(p) AS lon, ST_Y(p) AS lat,
             (SELECT code FROM kelurahan k ORDER BY ST_Distance(k.geom::geography, p::geography), code LIMIT 1) AS nearest
      FROM biggest`);
    const [inside] = await t.db.query<{ n: number }>(sql`
      SELECT count(*)::int AS n FROM kelurahan WHERE ST_Intersects(geom, ST_SetSRID(ST_MakePoint(${gap.lon}, ${gap.lat}), 4326))`);
    expect(inside.n).toBe(0);
    const routed = await routeReport(t.db, gap.lon, gap.lat, 'banjir');
    expect(routed.kelurahanCode).toBe(gap.nearest);
    expect(routed.explanation.kelurahan.rule).toBe('nearest_in_gap');
    expect(routed.explanation.kelurahan.distance_m).toBeGreaterThan(0);
    expect(routed.explanation.kelurahan.distance_m).toBeLessThanOrEqual(100);
  });

  it('refuses a point just outside both city outlines', async () => {
    // 500 m north of the northernmost point of Kota Tangerang, in Kabupaten Tangerang.
    const [edge] = await t.db.query<Point>(sql`
      SELECT ST_X(p) AS lon, ST_Y(p) + 0.0045 AS lat
      FROM (SELECT (ST_DumpPoints(geom)).geom AS p FROM cities WHERE code = '36.71') AS pts
      ORDER BY ST_Y(p) DESC LIMIT 1`);
    await expect(routeReport(t.db, edge.lon, edge.lat, 'banjir')).rejects.toMatchObject({ code: 'OUTSIDE_SERVICE_AREA' });
  });

  it('picks the department of the report city for the category', async () => {
    const tangerang = await routeReport(t.db, 106.632, -6.17, 'lampu_jalan');
    const tangsel = await routeReport(t.db, 106.72, -6.3, 'lampu_jalan');
    expect([tangerang.departmentCode, tangsel.departmentCode]).toEqual(['tgr-dishub', 'tsl-dishub']);
    expect(tangsel.explanation.department).toEqual({ code: 'tsl-dishub', rule: 'category_default', category: 'lampu_jalan' });
  });
});
