import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raw, sql, type Sql } from '../db/database.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { latticeRadiusHolding, neighbourPairs, studyAreaCells } from './hex-grid.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t?.drop());

const knn = (k: number, cellM = 250) => neighbourPairs({ cellM, rule: 'knn', distanceM: null, k });

/** Neighbour sets by cell, "i,j" → sorted "ni,nj" list, for the cells given by `cells`. */
async function neighbourSets(cells: Sql, pairs: Sql) {
  const rows = await t.db.query<{ cell: string; neighbours: string[] }>(sql`
    WITH cells AS MATERIALIZED (${cells}),
    neighbours AS (${pairs})
    SELECT i || ',' || j AS cell, array_agg(ni || ',' || nj ORDER BY ni, nj) AS neighbours
    FROM neighbours GROUP BY i, j`);
  return Object.fromEntries(rows.map((r) => [r.cell, r.neighbours.sort()]));
}

// A 7 × 7 block of cells (i, j = 0…6) and one lone cell at (20, 3), with the centres of
// ST_HexagonGrid(250): x = 375·i, y = 433.0127·(j + ½ for odd i).
const block = sql`
  SELECT i, j, 375.0 * i AS cx, sqrt(3.0) * 250 * (j + (i % 2) / 2.0) AS cy, NULL::geometry AS geom
  FROM generate_series(0, 6) AS i, generate_series(0, 6) AS j
  UNION ALL SELECT 20, 3, 7500.0, sqrt(3.0) * 250 * 3, NULL`;

describe('k nearest neighbours on the hexagonal grid', () => {
  it('finds the radius holding k + 1 lattice centres', () => {
    // squared distances in edge²/4: self 0, six at √3·edge (12), six at 3·edge (36), six at 2√3·edge (48)
    expect(latticeRadiusHolding(1)).toBe(0);
    expect(latticeRadiusHolding(7)).toBe(12);
    expect(latticeRadiusHolding(9)).toBe(36);
    expect(latticeRadiusHolding(13)).toBe(36);
    expect(latticeRadiusHolding(14)).toBe(48);
  });

  it('matches neighbour sets worked out by hand, inside, at a corner and for a lone cell', async () => {
    const k8 = await neighbourSets(block, knn(8));
    // (4, 4), even column: itself, the six hexagons around it, and of the six at 3·edge
    // ((2,4) (3,2) (3,5) (5,2) (5,5) (6,4)) the two first in (i, j) order
    expect(k8['4,4']).toEqual(['2,4', '3,2', '3,3', '3,4', '4,3', '4,4', '4,5', '5,3', '5,4'].sort());
    // corner (0, 0): only five cells within 3·edge, so the search goes on to 2√3·edge
    // ((0,2) (2,1)) and then to √21·edge, where (1,2) (2,2) (3,0) tie and the first two are taken
    expect(k8['0,0']).toEqual(['0,0', '0,1', '0,2', '1,0', '1,1', '1,2', '2,0', '2,1', '2,2'].sort());
    // the lone cell: itself, then (6, 3) straight west, then (6, 2) and (6, 4) tie: (6, 2)
    const k2 = await neighbourSets(block, knn(2));
    expect(k2['20,3']).toEqual(['20,3', '6,2', '6,3'].sort());
    expect(Object.values(k8).every((n) => n.length === 9)).toBe(true);
  });

  it('equals the search over all cells on the whole study area', async () => {
    const cells = studyAreaCells(['36.71', '36.74'], 500);
    for (const k of [1, 6, 8, 20]) {
      const ordered = (order: Sql) => sql`
        SELECT a.i, a.j, nearest.i AS ni, nearest.j AS nj
        FROM cells a
        CROSS JOIN LATERAL (SELECT b.i, b.j FROM cells b ORDER BY ${order}, b.i, b.j LIMIT ${raw(String(k + 1))}) AS nearest`;
      const [fast, exact, metric] = await Promise.all([
        neighbourSets(cells, knn(k, 500)),
        // every cell against every other, by the exact lattice distance (4·d²/edge²)
        neighbourSets(cells, ordered(sql`9 * (b.i - a.i) ^ 2 + 3 * (2 * (b.j - a.j) + b.i % 2 - a.i % 2) ^ 2`)),
        // and by floating-point metres, whose rounding breaks exact ties arbitrarily
        neighbourSets(cells, ordered(sql`(a.cx - b.cx) ^ 2 + (a.cy - b.cy) ^ 2`)),
      ]);
      expect(Object.keys(fast).length, `k = ${k}`).toBe(Object.keys(exact).length);
      const differing = Object.keys(exact).filter((cell) => fast[cell].join(' ') !== exact[cell].join(' '));
      expect(differing, `k = ${k}`).toEqual([]);
      // The same distances as the metric search, cell by cell: only tied cells may differ.
      const distances = (cell: string, neighbours: string[]) => {
        const [i, j] = cell.split(',').map(Number);
        return neighbours.map((n) => {
          const [ni, nj] = n.split(',').map(Number);
          return Math.round(Math.hypot(750 * (ni - i), Math.sqrt(3) * 500 * (nj + (ni % 2) / 2 - j - (i % 2) / 2)));
        }).sort((x, y) => x - y);
      };
      const otherDistances = Object.keys(metric).filter(
        (cell) => distances(cell, fast[cell]).join(' ') !== distances(cell, metric[cell]).join(' '));
      expect(otherDistances, `k = ${k}`).toEqual([]);
    }
  });
});
