import { createTestApp, type TestApp } from '../test/app.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { giStarCtes } from './gi-star.ts';
import { insertReports } from './test-fixtures.ts';

type Cell = { properties: { i: number; j: number; count: number; gi_z: number | null; gi_p: number | null; bin: number } };

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function getisOrd(query: string) {
  const response = await t.app.inject({ method: 'GET', url: `/api/hotspots/getis-ord?${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { parameters: Record<string, unknown>; features: Cell[] };
}

describe('Gi* statistic', () => {
  it('matches a five-cell chain worked out by hand', async () => {
    // Five cells in a row A–E with counts 2, 0, 6, 1, 1; neighbours: the cell and the cells
    // next to it (binary weights, w_ii = 1). Getis & Ord 1992 / Ord & Getis 1995:
    //   Gi* = (Σ w x − X̄ Σ w) / (S √[(n Σ w² − (Σ w)²) / (n − 1)])
    // n = 5, X̄ = 10 / 5 = 2, S = √(Σx²/n − X̄²) = √(42/5 − 4) = √4.4 = 2.097618.
    // C: w = 3 (B, C, D), Σwx = 0 + 6 + 1 = 7 → (7 − 6) / (2.097618 · √((15 − 9)/4)) = 1 / 2.569047 = 0.389249
    // A: w = 2 (A, B),    Σwx = 2 + 0 = 2     → (2 − 4) / (2.097618 · √((10 − 4)/4)) = −2 / 2.569047 = −0.778499
    // B: w = 3, Σwx = 8 → 2 / 2.569047 = 0.778499; D as B; E as A.
    // p = 2(1 − Φ(|z|)): 0.389249 → 0.697092, 0.778499 → 0.436275.
    const rows = await t.db.query<{ i: number; z: number; p: number; bin: number }>(sql`
      WITH observations AS (
        SELECT i, 0 AS j, 0 AS period, x::float8 AS x
        FROM (VALUES (1, 2), (2, 0), (3, 6), (4, 1), (5, 1)) AS v (i, x)
      ),
      neighbours AS (
        SELECT a.i, a.j, b.i AS ni, b.j AS nj FROM observations a JOIN observations b ON abs(a.i - b.i) <= 1
      ),
      ${giStarCtes(false)}
      SELECT i, z, p, bin FROM binned ORDER BY i`);
    const expected = [[-0.778499, 0.436275], [0.778499, 0.436275], [0.389249, 0.697092], [0.778499, 0.436275], [-0.778499, 0.436275]];
    expect(rows.map((r) => r.i)).toEqual([1, 2, 3, 4, 5]);
    rows.forEach((r, k) => {
      expect(r.z).toBeCloseTo(expected[k][0], 5);
      expect(r.p).toBeCloseTo(expected[k][1], 5);
      expect(r.bin).toBe(0);
    });
  });

  it('gives two-sided normal p-values at the bin thresholds', async () => {
    const [row] = await t.db.query<Record<string, number>>(sql`
      SELECT normal_two_sided_p(1.644854) AS p90, normal_two_sided_p(-1.959964) AS p95,
             normal_two_sided_p(2.575829) AS p99, normal_two_sided_p(0) AS p0`);
    expect(row.p90).toBeCloseTo(0.10, 6);
    expect(row.p95).toBeCloseTo(0.05, 6);
    expect(row.p99).toBeCloseTo(0.01, 6);
    expect(row.p0).toBeCloseTo(1, 6);
  });

  it('puts each point in the ST_HexagonGrid hexagon that contains it', async () => {
    const [row] = await t.db.query<{ total: number; agree: number }>(sql`
      WITH points AS (
        SELECT (ST_Dump(ST_GeneratePoints(ST_MakeEnvelope(660000, 9300000, 664000, 9304000, 32748), 3000, 7))).geom AS p
      ),
      grid AS (SELECT * FROM ST_HexagonGrid(250, ST_MakeEnvelope(659000, 9299000, 665000, 9305000, 32748)))
      SELECT count(*)::integer AS total, count(*) FILTER (WHERE c.i = g.i AND c.j = g.j)::integer AS agree
      FROM points CROSS JOIN LATERAL hexagon_cell(ST_X(p), ST_Y(p), 250) AS c
      JOIN grid g ON ST_Intersects(g.geom, p)`);
    expect(row.total).toBeGreaterThanOrEqual(3000);
    expect(row.agree).toBe(row.total);
  });
});

describe('GET /api/hotspots/getis-ord', () => {
  it('returns every cell of the study area, zeros included, and echoes its parameters', async () => {
    const body = await getisOrd('cell_m=500&distance_m=1000');
    const [{ cells }] = await t.db.query<{ cells: number }>(sql`
      SELECT count(*)::integer AS cells
      FROM (SELECT ST_Transform(ST_Union(geom), 32748) AS g FROM cities) AS a, ST_HexagonGrid(500, a.g) AS h
      WHERE ST_Intersects(h.geom, a.g)`);
    expect(body.features).toHaveLength(cells);
    expect(body.features.every((f) => f.properties.count === 0 && f.properties.bin === 0)).toBe(true);
    expect(body.parameters).toMatchObject({ cell_m: 500, neighbours: 'distance', distance_m: 1000, correction: 'none', n_cells: cells });
  });

  it('finds a planted cluster hot at 99 % and a uniform pattern mostly not significant', async () => {
    // background: 1,500 points uniform over the study-area hexagons (so that no cell is
    // under-filled by being half outside the city), plus 120 within 150 m of one spot
    await insertReports(t.db, sql`
      SELECT ST_Transform((ST_Dump(ST_GeneratePoints(ST_Union(h.geom), 1500, 11))).geom, 4326) AS geom,
             'sampah' AS category, now() - interval '2 days' AS created_at
      FROM (SELECT ST_Transform(ST_Union(geom), 32748) AS g FROM cities) AS a, ST_HexagonGrid(500, a.g) AS h
      WHERE ST_Intersects(h.geom, a.g)`);
    const uniform = await getisOrd('category=sampah&cell_m=500&distance_m=1000');
    const significant = uniform.features.filter((f) => f.properties.bin !== 0).length;
    expect(significant / uniform.features.length).toBeLessThanOrEqual(0.12);
    const corrected = await getisOrd('category=sampah&cell_m=500&distance_m=1000&fdr=true');
    expect(corrected.features.filter((f) => f.properties.bin !== 0).length).toBeLessThanOrEqual(significant);

    await insertReports(t.db, sql`
      SELECT ST_Transform((ST_Dump(ST_GeneratePoints(ST_Buffer(ST_Transform(ST_Point(106.63, -6.18, 4326), 32748), 150), 120, 5))).geom, 4326) AS geom,
             'banjir' AS category, now() - interval '2 days' AS created_at`);
    const [spot] = await t.db.query<{ i: number; j: number }>(sql`
      SELECT c.i, c.j FROM (SELECT ST_Transform(ST_Point(106.63, -6.18, 4326), 32748) AS p) AS s,
             hexagon_cell(ST_X(s.p), ST_Y(s.p), 500) AS c`);
    for (const query of ['cell_m=500&distance_m=1000', 'cell_m=500&distance_m=1000&fdr=true', 'cell_m=500&neighbours=knn&k=6']) {
      const body = await getisOrd(query);
      const cell = body.features.find((f) => f.properties.i === spot.i && f.properties.j === spot.j)!;
      expect(cell.properties.bin, query).toBe(3);
      expect(cell.properties.gi_p!).toBeLessThanOrEqual(0.01);
      expect(body.features.reduce((sum, f) => sum + f.properties.count, 0)).toBe(1620);
    }
  });

  it('reads edge cells of a uniform pattern as cold by count, and not by density', async () => {
    // 4,000 points uniform over the cities themselves (not over the hexagons): a cell half
    // outside holds about half as many. jalan_rusak holds nothing else.
    await insertReports(t.db, sql`
      SELECT (ST_Dump(ST_GeneratePoints((SELECT ST_Union(geom) FROM cities), 4000, 17))).geom AS geom,
             'jalan_rusak' AS category, now() - interval '2 days' AS created_at`);
    const query = 'category=jalan_rusak&cell_m=500&distance_m=1000';
    const [{ edge }] = await t.db.query<{ edge: string[] }>(sql`
      SELECT array_agg(h.i || ',' || h.j) AS edge
      FROM (SELECT ST_Transform(ST_Union(geom), 32748) AS g FROM cities) AS a, ST_HexagonGrid(500, a.g) AS h
      WHERE ST_Intersects(h.geom, a.g) AND NOT ST_Within(h.geom, a.g)`);
    const edgeCells = new Set(edge);
    const coldAtEdge = (body: Awaited<ReturnType<typeof getisOrd>>) =>
      body.features.filter((f) => edgeCells.has(`${f.properties.i},${f.properties.j}`) && f.properties.bin < 0).length;

    const byCount = await getisOrd(query);
    expect(byCount.parameters).toMatchObject({ measure: 'count' });
    const byDensity = await getisOrd(`${query}&measure=density`);
    expect(byDensity.parameters).toMatchObject({ measure: 'density', cell_m: 500 });
    expect(coldAtEdge(byCount) / edgeCells.size).toBeGreaterThan(0.25);
    // by chance alone about 5 % of cells read cold at 90 % confidence, edge or not
    expect(coldAtEdge(byDensity) / edgeCells.size).toBeLessThanOrEqual(0.08);
    expect(byDensity.features.filter((f) => f.properties.bin !== 0).length / byDensity.features.length).toBeLessThanOrEqual(0.10);

    // density = count / area inside; cells touching the outline with no area inside are left out
    const cells = byDensity.features as unknown as { properties: { count: number; area_km2: number; density: number } }[];
    expect(cells.every((f) => f.properties.area_km2 > 0 && f.properties.area_km2 <= 0.6496)).toBe(true);
    for (const f of cells.slice(0, 50)) expect(f.properties.density).toBeCloseTo(f.properties.count / f.properties.area_km2, 9);
    expect(cells.reduce((sum, f) => sum + f.properties.count, 0)).toBe(4000);
    const [{ area }] = await t.db.query<{ area: number }>(sql`
      SELECT ST_Area(ST_Transform(ST_Union(geom), 32748)) / 1e6 AS area FROM cities`);
    expect(cells.reduce((sum, f) => sum + f.properties.area_km2, 0)).toBeCloseTo(area, 3);

    // and a cluster planted on the pattern is still hot at 99 %, by either measure
    await insertReports(t.db, sql`
      SELECT ST_Transform((ST_Dump(ST_GeneratePoints(ST_Buffer(ST_Transform(ST_Point(106.70, -6.28, 4326), 32748), 150), 60, 6))).geom, 4326) AS geom,
             'jalan_rusak' AS category, now() - interval '2 days' AS created_at`);
    const [spot] = await t.db.query<{ i: number; j: number }>(sql`
      SELECT c.i, c.j FROM (SELECT ST_Transform(ST_Point(106.70, -6.28, 4326), 32748) AS p) AS s,
             hexagon_cell(ST_X(s.p), ST_Y(s.p), 500) AS c`);
    for (const measure of ['count', 'density']) {
      const body = await getisOrd(`${query}&measure=${measure}`);
      const cell = body.features.find((f) => f.properties.i === spot.i && f.properties.j === spot.j)!;
      expect(cell.properties.bin, measure).toBe(3);
    }
  });

  it('downloads CSV with a WKT column named by its parameters', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/hotspots/getis-ord?category=banjir&cell_m=500&since=2026-01-01&until=2026-03-31&format=csv',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="getis-ord_banjir_500m_2026-01-01_2026-03-31.csv"');
    const [header, first] = response.body.split('\n');
    expect(header).toBe('i,j,count,neighbours,gi_z,gi_p,bin,wkt');
    expect(first).toMatch(/"POLYGON\(\(106\.\d+ -6\.\d+,/);
  });

  it.each([
    ['cell_m=300', 400, 'VALIDATION_FAILED'],
    ['distance_m=99999', 400, 'VALIDATION_FAILED'],
    ['since=yesterday', 400, 'VALIDATION_FAILED'],
    ['since=2026-02-30', 400, 'INVALID_DATE'],
    ['since=2026-03-01&until=2026-02-01', 400, 'EMPTY_PERIOD'],
    ['category=gempa', 422, 'UNKNOWN_CATEGORY'],
    ['cell_m=500&distance_m=500', 400, 'DISTANCE_TOO_SHORT'],
    ['neighbours=knn&k=500', 400, 'VALIDATION_FAILED'],
    ['measure=rate', 400, 'VALIDATION_FAILED'],
  ])('rejects %s with %i %s in both languages', async (query, status, code) => {
    const response = await t.app.inject({ method: 'GET', url: `/api/hotspots/getis-ord?${query}` });
    expect(response.statusCode).toBe(status);
    const { error } = response.json();
    expect(error.code).toBe(code);
    expect(error.message_id).toBeTruthy();
    expect(error.message_en).toBeTruthy();
  });
});
