import { createTestApp, type TestApp } from '../test/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { insertReports } from './test-fixtures.ts';

type Kelurahan = { properties: Record<string, number | string | null> };

let t: TestApp;
let first: string;
let second: string;
beforeAll(async () => {
  t = await createTestApp();
  // the first two kelurahan of Kota Tangerang; only the first has a known population
  [{ code: first }, { code: second }] = await t.db.query<{ code: string }>(sql`
    SELECT code FROM kelurahan WHERE city_code = '36.71' ORDER BY code LIMIT 2`);
  await t.db.query(sql`UPDATE kelurahan SET population = 8000 WHERE code = ${first}`);
  // first: four banjir reports (Mon 5 and Tue 13 Jan 2026, WIB), second: one sampah report
  await insertReports(t.db, sql`
    SELECT k.label_point AS geom, v.category, v.created_at::timestamptz AS created_at
    FROM (VALUES (${first}, 'banjir', '2026-01-05T09:00+07'), (${first}, 'banjir', '2026-01-05T10:00+07'),
                 (${first}, 'banjir', '2026-01-13T09:00+07'), (${first}, 'banjir', '2026-01-13T10:00+07'),
                 (${second}, 'sampah', '2026-01-20T09:00+07')) AS v (code, category, created_at)
    JOIN kelurahan k ON k.code = v.code`);
  // first: resolved after 2, 4 and 10 days (median 4); three have a due date, two met it
  await t.db.query(sql`
    UPDATE reports r SET resolved_at = r.created_at + v.days * interval '1 day',
           due_at = r.created_at + v.due_days * interval '1 day', due_counted_from = r.created_at, due_working_days = 5
    FROM (SELECT id, row_number() OVER (ORDER BY created_at) AS n FROM reports WHERE kelurahan_code = ${first}) AS o
    JOIN (VALUES (1, 2, 5), (2, 4, 5), (3, 10, 5)) AS v (n, days, due_days) USING (n)
    WHERE r.id = o.id`);
}, 60_000);
afterAll(async () => t?.close());

describe('GET /api/analytics/kelurahan', () => {
  it('gives reports, reports per 1,000 residents, median days to resolve and % on time', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/analytics/kelurahan?city=36.71' });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as { parameters: Record<string, unknown>; features: Kelurahan[] };
    const byCode = new Map(body.features.map((f) => [f.properties.kelurahan_code, f.properties]));
    expect(byCode.get(first)).toMatchObject({
      reports: 4, population: 8000, reports_per_1000: 0.5, resolved: 3, median_days_to_resolve: 4,
      with_due_at: 3, pct_on_time: expect.closeTo((2 / 3) * 100, 9),
    });
    expect(byCode.get(second)).toMatchObject({
      reports: 1, population: null, reports_per_1000: null, median_days_to_resolve: null, pct_on_time: null,
    });
    expect(body.features.every((f) => f.properties.city_code === '36.71')).toBe(true);
    expect(body.parameters).toMatchObject({ cities: ['36.71'], n_kelurahan: body.features.length });
  });

  it('counts only the window and category asked for', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/analytics/kelurahan?category=banjir&since=2026-01-10&until=2026-01-31' });
    const byCode = new Map((response.json().features as Kelurahan[]).map((f) => [f.properties.kelurahan_code, f.properties]));
    expect(byCode.get(first)).toMatchObject({ reports: 2, median_days_to_resolve: 10, pct_on_time: 0 });
    expect(byCode.get(second)!.reports).toBe(0);
  });

  it('counts referred, unfixable and no-action reports as their own kind, out of % on time', async () => {
    const [{ code: third }] = await t.db.query<{ code: string }>(sql`
      SELECT code FROM kelurahan WHERE city_code = '36.71' ORDER BY code OFFSET 2 LIMIT 1`);
    await insertReports(t.db, sql`
      SELECT k.label_point AS geom, 'jalan_rusak' AS category, v.created_at::timestamptz AS created_at
      FROM (VALUES ('2026-02-02T09:00+07'), ('2026-02-02T10:00+07'), ('2026-02-02T11:00+07'), ('2026-02-02T12:00+07'))
        AS v (created_at)
      JOIN kelurahan k ON k.code = ${third}`);
    // one resolved in time; the others answered otherwise, all after their deadline
    await t.db.query(sql`
      UPDATE reports r SET status = v.status, due_at = r.created_at + interval '5 days', due_counted_from = r.created_at,
             due_working_days = 5,
             resolved_at = CASE WHEN v.status = 'resolved' THEN r.created_at + interval '1 day' END,
             outcome_at = CASE WHEN v.status <> 'resolved' THEN r.created_at + interval '9 days' END
      FROM (SELECT id, row_number() OVER (ORDER BY created_at) AS n FROM reports WHERE kelurahan_code = ${third}) AS o
      JOIN (VALUES (1, 'resolved'), (2, 'referred'), (3, 'cannot_fix'), (4, 'no_action_needed')) AS v (n, status) USING (n)
      WHERE r.id = o.id`);
    const response = await t.app.inject({ method: 'GET', url: '/api/analytics/kelurahan?city=36.71&since=2026-02-01&until=2026-02-28' });
    const byCode = new Map((response.json().features as Kelurahan[]).map((f) => [f.properties.kelurahan_code, f.properties]));
    expect(byCode.get(third)).toMatchObject({
      reports: 4, resolved: 1, with_due_at: 4, pct_on_time: 100,
      referred: 1, cannot_fix: 1, no_action_needed: 1, pct_other_outcome: 75,
    });
    expect(byCode.get(first)).toMatchObject({ reports: 0, pct_on_time: null, pct_other_outcome: null });
  });

  it('downloads CSV with WKT and GeoJSON named by the parameters', async () => {
    const csv = await t.app.inject({ method: 'GET', url: '/api/analytics/kelurahan?category=banjir&since=2026-01-01&until=2026-01-31&format=csv' });
    expect(csv.headers['content-disposition']).toBe('attachment; filename="kelurahan_banjir_2026-01-01_2026-01-31.csv"');
    expect(csv.body.split('\n')[0]).toBe('kelurahan_code,kelurahan_name,kecamatan_code,kecamatan_name,city_code,population,'
      + 'reports,reports_per_1000,resolved,median_days_to_resolve,with_due_at,pct_on_time,'
      + 'referred,cannot_fix,no_action_needed,pct_other_outcome,wkt');
    const geojson = await t.app.inject({ method: 'GET', url: '/api/analytics/kelurahan?download=true' });
    expect(geojson.headers['content-disposition']).toBe('attachment; filename="kelurahan_semua_awal_kini.geojson"');
    expect(geojson.json().features[0].geometry.type).toBe('MultiPolygon');
  });

  it('rejects an unknown category with 422 UNKNOWN_CATEGORY', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/analytics/kelurahan?category=gempa' });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('UNKNOWN_CATEGORY');
  });
});
