import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

describe('boundary seed', () => {
  it('loads both cities with their kecamatan and kelurahan counts', async () => {
    const rows = await t.db.query<{ city_code: string; kecamatan: number; kelurahan: number }>(sql`
      SELECT c.code AS city_code,
             (SELECT count(*)::int FROM kecamatan k WHERE k.city_code = c.code) AS kecamatan,
             (SELECT count(*)::int FROM kelurahan k WHERE k.city_code = c.code) AS kelurahan
      FROM cities c ORDER BY c.code`);
    expect(rows).toEqual([
      { city_code: '36.71', kecamatan: 13, kelurahan: 104 },
      { city_code: '36.74', kecamatan: 7, kelurahan: 54 },
    ]);
  });

  it('keeps every geometry valid and every label point inside its kelurahan', async () => {
    const [r] = await t.db.query<{ invalid: number; outside: number }>(sql`
      SELECT count(*) FILTER (WHERE NOT ST_IsValid(geom))::int AS invalid,
             count(*) FILTER (WHERE NOT ST_Intersects(geom, label_point))::int AS outside
      FROM kelurahan`);
    expect(r).toEqual({ invalid: 0, outside: 0 });
  });
});
