import { raw, sql, type Sql } from '../db/database.ts';
import type { NeighbourRule } from './parameters.ts';

// The hexagonal grid of the study area and the neighbour pairs of its cells, as CTE bodies
// for the Gi* and emerging-hotspot queries.
//
// Metres: everything is in UTM zone 48S (EPSG:32748), whose 102°E–108°E band holds both cities
// (106.55°E–106.78°E), so distances and cell areas are true to well under 0.1 %.

/** Numbers we computed ourselves (cell sizes, distances from validated input), as literals. */
function literal(n: number): Sql {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  return raw(String(n));
}

/**
 * `cells (i, j, cx, cy, geom)`: every hexagon of ST_HexagonGrid(cell_m) that touches the cities'
 * outlines — the study area is the city boundary, not its bounding box, so a cell over the sea
 * or over Jakarta is not a zero that would dilute the mean. (cx, cy) is the centre in metres,
 * from the same layout formula as hexagon_cell() in db/migrations/0010_analytics.sql.
 */
export function studyAreaCells(cities: string[], cellM: number): Sql {
  const s = literal(cellM);
  return sql`
    SELECT h.i, h.j,
           1.5 * ${s} * h.i AS cx,
           sqrt(3.0) * ${s} * (h.j + (abs(h.i) % 2) / 2.0) AS cy,
           h.geom
    FROM (SELECT ST_Transform(ST_Union(geom), 32748) AS geom FROM cities WHERE code = ANY(${cities})) AS area
    CROSS JOIN LATERAL ST_HexagonGrid(${s}, area.geom) AS h
    WHERE ST_Intersects(h.geom, area.geom)`;
}

/**
 * `neighbours (i, j, ni, nj)` over the CTE `cells`: binary weights, each cell its own neighbour
 * (w_ii = 1, which is what makes the statistic Gi* rather than Gi).
 *
 * Fixed distance: cells whose centres are within distance_m. Instead of comparing every pair
 * (n² for 2,500 cells), each cell looks only at the (i, j) offsets that can be that close —
 * columns are 1.5·edge apart, rows √3·edge — and a hash join finds them; the exact centre
 * distance then decides. A millimetre of slack keeps a neighbour at exactly distance_m in
 * despite floating point.
 *
 * k nearest: the cell itself plus its k nearest cells by centre distance, ties (a hexagon has
 * six neighbours at the same distance) broken by (i, j) so that the result is repeatable.
 */
export function neighbourPairs(rule: NeighbourRule): Sql {
  const s = rule.cellM;
  if (rule.rule === 'distance') {
    const d = rule.distanceM!;
    const columns = Math.floor(d / (1.5 * s));
    const rows = Math.ceil(d / (Math.sqrt(3) * s)) + 1;
    // The offsets are joined to the cells before the cells to each other, and materialised, so
    // that the planner hashes (i + di, j + dj) instead of comparing every pair of cells.
    return sql`
      SELECT a.i, a.j, b.i AS ni, b.j AS nj
      FROM (
        SELECT a.i, a.j, a.cx, a.cy, a.i + di AS ti, a.j + dj AS tj
        FROM cells a
        CROSS JOIN generate_series(${literal(-columns)}, ${literal(columns)}) AS di
        CROSS JOIN generate_series(${literal(-rows)}, ${literal(rows)}) AS dj
        OFFSET 0
      ) AS a
      JOIN cells b ON b.i = a.ti AND b.j = a.tj
      WHERE (a.cx - b.cx) ^ 2 + (a.cy - b.cy) ^ 2 <= (${literal(d)} + 0.001) ^ 2`;
  }
  return sql`
    SELECT a.i, a.j, nearest.i AS ni, nearest.j AS nj
    FROM cells a
    CROSS JOIN LATERAL (
      SELECT b.i, b.j FROM cells b
      ORDER BY (a.cx - b.cx) ^ 2 + (a.cy - b.cy) ^ 2, b.i, b.j
      LIMIT ${literal(rule.k! + 1)}
    ) AS nearest`;
}
