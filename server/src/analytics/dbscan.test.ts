import { createTestApp, type TestApp } from '../test/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { insertReports } from './test-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // two dense groups 3 km apart (80 and 40 reports within 100 m) and 30 scattered reports
  await insertReports(t.db, sql`
    SELECT ST_Transform((ST_Dump(ST_GeneratePoints(ST_Buffer(ST_Transform(ST_Point(lon, lat, 4326), 32748), 100), n, 3))).geom, 4326) AS geom,
           category, timestamptz '2026-02-01' + n * interval '1 hour' AS created_at
    FROM (VALUES (106.63, -6.18, 80, 'banjir'), (106.66, -6.18, 40, 'sampah')) AS spots (lon, lat, n, category)
    UNION ALL
    SELECT (ST_Dump(ST_GeneratePoints((SELECT ST_Union(geom) FROM cities), 30, 9))).geom, 'jalan_rusak', timestamptz '2026-01-15'`);
});
afterAll(async () => t?.close());

describe('GET /api/hotspots/dbscan', () => {
  it('finds the dense groups with hulls that contain every member', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/hotspots/dbscan?eps_m=60&min_points=8' });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.parameters).toMatchObject({ eps_m: 60, min_points: 8, n_clusters: 2 });
    const [big, small] = body.features;
    expect(big.properties).toMatchObject({ cluster: 1, dominant_category: 'banjir' });
    expect(big.properties.reports).toBeGreaterThanOrEqual(78);
    expect(small.properties.dominant_category).toBe('sampah');
    // every report of the dominant category near each spot lies inside (or on) its hull
    for (const [feature, category] of [[big, 'banjir'], [small, 'sampah']] as const) {
      const [row] = await t.db.query<{ outside: number; members: number }>(sql`
        SELECT count(*) FILTER (WHERE NOT ST_Covers(ST_Buffer(ST_GeomFromGeoJSON(${JSON.stringify(feature.geometry)})::geography, 0.01)::geometry, r.location))::integer AS outside,
               count(*)::integer AS members
        FROM reports r WHERE r.category_code = ${category}`);
      expect(row.outside).toBe(0);
      expect(row.members).toBeGreaterThan(0);
    }
  });

  it('rejects min_points below 2 and eps_m above 2000 m', async () => {
    for (const query of ['min_points=1', 'eps_m=5000']) {
      const response = await t.app.inject({ method: 'GET', url: `/api/hotspots/dbscan?${query}` });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
    }
  });
});
