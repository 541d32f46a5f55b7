import { createTestApp, type TestApp } from '../test/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { insertReports } from './test-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // Two banjir reports on Monday 5 January 2026 and two in the week of 12 January, one of them
  // at 00:30 on Monday 12 in Jakarta, which is still Sunday 11 in UTC: it must count in the week
  // of the 12th. One sampah report on Tuesday 20 January.
  await insertReports(t.db, sql`
    SELECT ST_Point(106.63, -6.18, 4326) AS geom, v.category, v.created_at::timestamptz AS created_at
    FROM (VALUES ('banjir', '2026-01-05T09:00+07'), ('banjir', '2026-01-05T10:00+07'),
                 ('banjir', '2026-01-13T09:00+07'), ('banjir', '2026-01-12T00:30+07'),
                 ('sampah', '2026-01-20T09:00+07')) AS v (category, created_at)`);
}, 60_000);
afterAll(async () => t?.close());

describe('GET /api/analytics/weekly', () => {
  it('counts reports per category per Monday-based WIB week, zero weeks included', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/analytics/weekly' });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().weeks).toEqual([
      { week_start: '2026-01-05', category: 'banjir', reports: 2 },
      { week_start: '2026-01-05', category: 'sampah', reports: 0 },
      { week_start: '2026-01-12', category: 'banjir', reports: 2 },
      { week_start: '2026-01-12', category: 'sampah', reports: 0 },
      { week_start: '2026-01-19', category: 'banjir', reports: 0 },
      { week_start: '2026-01-19', category: 'sampah', reports: 1 },
    ]);
  });

  it('downloads CSV and rejects a reversed period', async () => {
    const csv = await t.app.inject({ method: 'GET', url: '/api/analytics/weekly?category=sampah&format=csv' });
    expect(csv.headers['content-disposition']).toBe('attachment; filename="weekly_sampah_awal_kini.csv"');
    expect(csv.body).toBe('week_start,category,reports\n2026-01-19,sampah,1\n');
    const reversed = await t.app.inject({ method: 'GET', url: '/api/analytics/weekly?since=2026-02-01&until=2026-01-01' });
    expect(reversed.json().error.code).toBe('EMPTY_PERIOD');
  });
});
