import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { seedDemoReports } from './seed.ts';

// The demo map should look like a city's: floods and trash in clusters, more reports where
// kelurahan are small and dense, floods in the rainy season. Measured in PostGIS.

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedDemoReports(t.db, { count: 4000, seed: 11, now: new Date('2026-03-01T00:00:00Z') });
});
afterAll(() => t?.drop());

/**
 * Mean distance (geodesic metres) from each report of the category to its nearest other one,
 * and the same for as many points drawn uniformly over both cities (fixed seed). The
 * neighbour is found with the GiST index (<-> on EPSG:3857), then measured as geography.
 */
async function nearestNeighbourMetres(category: string) {
  const [row] = await t.db.query<{ n: number; category_m: number; uniform_m: number }>(sql`
    WITH pts AS (SELECT id, location FROM reports WHERE category_code = ${category}),
    uniform AS (
      SELECT d.path[1] AS id, d.geom AS location
      FROM ST_Dump(ST_GeneratePoints((SELECT ST_Union(geom) FROM cities), (SELECT count(*)::int FROM pts), 42)) AS d
    )
    SELECT (SELECT count(*)::int FROM pts) AS n,
           (SELECT avg(ST_Distance(a.location::geography, nn.location::geography))
            FROM pts a CROSS JOIN LATERAL (
              SELECT b.location FROM pts b WHERE b.id <> a.id ORDER BY b.location <-> a.location LIMIT 1) AS nn) AS category_m,
           (SELECT avg(ST_Distance(a.location::geography, nn.location::geography))
            FROM uniform a CROSS JOIN LATERAL (
              SELECT b.location FROM uniform b WHERE b.id <> a.id ORDER BY b.location <-> a.location LIMIT 1) AS nn) AS uniform_m`);
  return row;
}

describe('the spread of demo reports', () => {
  it('clusters flooding: nearest neighbours about half as far as for uniform points', async () => {
    const flood = await nearestNeighbourMetres('banjir');
    expect(flood.n).toBe(520);
    // About 0.45 with the profile's hotspots; uniform points would be near 1.
    expect(flood.category_m).toBeLessThan(0.55 * flood.uniform_m);
  });

  it('clusters trash around its hotspots too, but a diffuse category much less', async () => {
    const trash = await nearestNeighbourMetres('sampah');
    const lights = await nearestNeighbourMetres('lampu_jalan');
    expect(trash.category_m).toBeLessThan(0.7 * trash.uniform_m);
    expect(lights.category_m).toBeGreaterThan(0.7 * lights.uniform_m);
  });

  it('puts more reports per km² in small kelurahan than in large ones', async () => {
    const [row] = await t.db.query<{ small: number; large: number }>(sql`
      WITH diffuse AS (
        SELECT k.code, k.area_km2, count(r.id) / k.area_km2 AS per_km2, ntile(4) OVER (ORDER BY k.area_km2) AS quartile
        FROM kelurahan k
        LEFT JOIN reports r ON r.kelurahan_code = k.code AND r.category_code NOT IN ('banjir', 'sampah')
        GROUP BY k.code, k.area_km2
      )
      SELECT avg(per_km2) FILTER (WHERE quartile = 1) AS small, avg(per_km2) FILTER (WHERE quartile = 4) AS large
      FROM diffuse`);
    expect(row.small).toBeGreaterThan(2 * row.large);
  });

  it('dates most floods in the rainy season (December–March, WIB)', async () => {
    const [row] = await t.db.query<{ flood: number; other: number }>(sql`
      SELECT avg((extract(month FROM created_at AT TIME ZONE 'UTC' + interval '7 hours') IN (12, 1, 2, 3))::int)
               FILTER (WHERE category_code = 'banjir') AS flood,
             avg((extract(month FROM created_at AT TIME ZONE 'UTC' + interval '7 hours') IN (12, 1, 2, 3))::int)
               FILTER (WHERE category_code = 'jalan_rusak') AS other
      FROM reports`);
    // Four months of twelve would be a third; the rainy weights make it about 60%.
    expect(row.flood).toBeGreaterThan(0.5);
    expect(row.other).toBeLessThan(0.42);
  });
});
