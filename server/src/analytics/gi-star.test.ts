import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { giStarCtes } from './gi-star.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('Gi* against an outside reference', () => {
  it("reproduces PySAL esda's G_Local star fixture with binary weights", async () => {
    // esda's getisord tests: points (10,10), (20,10), (40,10), (15,20), (30,20), (30,30) with
    // values 2, 3, 3.2, 5, 8, 7, a distance band of 15, G_Local(star=True, transform='B'):
    // Gi* z of the first point −1.39727626. star=True puts each point among its own neighbours
    // with weight 1, as `neighbours` does here. The variance is the Getis–Ord ratio form used by
    // giStarCtes, S √[(n Σw² − (Σw)²)/(n − 1)] with S the population standard deviation, which
    // is exact for binary weights; the code offers no row-standardised weights (esda's
    // transform='R' value −0.62488094 applies the same ratio form to weights it is not exact for).
    // By hand: X̄ = 4.7, S = √(28.7/6) = 2.187083, point 0 sees points 0, 1, 3 (Σwx = 10, w = 3):
    // (10 − 14.1) / (2.187083 · √((18 − 9)/5)) = −4.1 / 2.934280 = −1.397276.
    const rows = await t.db.query<{ i: number; z: number }>(sql`
      WITH points AS (
        SELECT i, ST_MakePoint(px, py) AS geom, x::float8 AS x
        FROM (VALUES (0, 10, 10, 2), (1, 20, 10, 3), (2, 40, 10, 3.2), (3, 15, 20, 5), (4, 30, 20, 8), (5, 30, 30, 7))
          AS v (i, px, py, x)
      ),
      observations AS (SELECT i, 0 AS j, 0 AS period, x FROM points),
      neighbours AS (
        SELECT a.i, 0 AS j, b.i AS ni, 0 AS nj FROM points a JOIN points b ON ST_DWithin(a.geom, b.geom, 15)
      ),
      ${giStarCtes(false)}
      SELECT i, z FROM binned ORDER BY i`);
    expect(rows).toHaveLength(6);
    expect(Math.abs(rows[0].z - -1.39727626)).toBeLessThan(1e-6);
  });
});
