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
 * `cells (i, j, cx, cy, geom, area_km2)`: every hexagon of ST_HexagonGrid(cell_m) that touches
 * the cities' outlines — the study area is the city boundary, not its bounding box, so a cell
 * over the sea or over Jakarta is not a zero that would dilute the mean. (cx, cy) is the centre
 * in metres, from the same layout formula as hexagon_cell() in db/functions/hexagon_cell.sql.
 *
 * With `withArea`, area_km2 is the part of the cell inside the study area (the whole hexagon
 * for the cells wholly inside, which ST_Within answers on a prepared geometry, so only the edge
 * cells pay for an intersection), and cells that merely touch the outline, with no area
 * inside, are left out; otherwise area_km2 is null.
 */
export function studyAreaCells(cities: string[], cellM: number, withArea = false): Sql {
  const s = literal(cellM);
  return sql`
    SELECT h.i, h.j,
           1.5 * ${s} * h.i AS cx,
           sqrt(3.0) * ${s} * (h.j + (abs(h.i) % 2) / 2.0) AS cy,
           h.geom, ${withArea ? sql`inside.area_km2` : sql`NULL::float8 AS area_km2`}
    FROM (SELECT ST_Transform(ST_Union(geom), 32748) AS geom FROM cities WHERE code = ANY(${cities})) AS area
    CROSS JOIN LATERAL ST_HexagonGrid(${s}, area.geom) AS h
    ${withArea ? sql`CROSS JOIN LATERAL (
      SELECT CASE WHEN ST_Within(h.geom, area.geom) THEN ST_Area(h.geom)
                  ELSE ST_Area(ST_Intersection(h.geom, area.geom)) END / 1e6 AS area_km2) AS inside` : sql``}
    WHERE ST_Intersects(h.geom, area.geom)${withArea ? sql` AND inside.area_km2 > 0` : sql``}`;
}

/**
 * Squared distance between the centres of cells a and b in units of edge²/4, as an exact
 * integer: centres are 1.5·edge apart per column and √3·edge per row, odd columns half a row up,
 * so 4·d²/edge² = 9·Δi² + 3·(2·Δj + Δparity)². Exact integers make the six hexagons of a ring
 * tie exactly, so that ties are broken by (i, j) and not by rounding.
 */
function latticeDistance(a: string, b: string): Sql {
  return raw(`(9 * (${b}.i - ${a}.i) * (${b}.i - ${a}.i)
      + 3 * (2 * (${b}.j - ${a}.j) + abs(${b}.i) % 2 - abs(${a}.i) % 2)
          * (2 * (${b}.j - ${a}.j) + abs(${b}.i) % 2 - abs(${a}.i) % 2))`);
}

/**
 * The smallest squared radius (units of latticeDistance) whose disk around any cell of the
 * infinite hexagonal lattice holds at least `cells` centres. The centres form a true lattice,
 * so the answer is the same from every cell.
 */
export function latticeRadiusHolding(cells: number): number {
  const span = Math.ceil(Math.sqrt(cells)) + 2;
  const distances: number[] = [];
  for (let di = -span; di <= span; di++) {
    for (let dj = -span; dj <= span; dj++) distances.push(9 * di * di + 3 * (2 * dj + Math.abs(di % 2)) ** 2);
  }
  return distances.sort((x, y) => x - y)[cells - 1];
}

/** (i, j) offsets wide enough to reach every cell within `radiusM` of a cell's centre. */
function offsetsWithin(radiusM: number, cellM: number) {
  return {
    columns: Math.floor(radiusM / (1.5 * cellM)),
    rows: Math.ceil(radiusM / (Math.sqrt(3) * cellM)) + 1,
  };
}

/**
 * `candidates (i, j, ni, nj, ...)`: pairs of cells whose (i, j) offset is within the given
 * window. Instead of comparing every pair (n² for 2,500 cells), each cell looks only at the
 * offsets that can be that close and a hash join finds them. The offsets are joined to the
 * cells before the cells to each other, and materialised, so that the planner hashes
 * (i + di, j + dj) instead of comparing every pair of cells.
 */
function pairsWithinOffsets({ columns, rows }: { columns: number; rows: number }, extra: Sql): Sql {
  return sql`
      SELECT a.i, a.j, b.i AS ni, b.j AS nj ${extra}
      FROM (
        SELECT a.i, a.j, a.cx, a.cy, a.i + di AS ti, a.j + dj AS tj
        FROM cells a
        CROSS JOIN generate_series(${literal(-columns)}, ${literal(columns)}) AS di
        CROSS JOIN generate_series(${literal(-rows)}, ${literal(rows)}) AS dj
        OFFSET 0
      ) AS a
      JOIN cells b ON b.i = a.ti AND b.j = a.tj`;
}

/**
 * `neighbours (i, j, ni, nj)` over the CTE `cells`: binary weights, each cell its own neighbour
 * (w_ii = 1, which is what makes the statistic Gi* rather than Gi).
 *
 * Fixed distance: cells whose centres are within distance_m (a millimetre of slack keeps a
 * neighbour at exactly distance_m in despite floating point).
 *
 * k nearest: the cell itself plus its k nearest cells by centre distance, ties (a hexagon has
 * six neighbours at the same distance) broken by (i, j) so that the result is repeatable.
 * Neighbours depend on the grid alone, and on the lattice the k + 1 nearest centres of an
 * interior cell always lie within the same radius R (latticeRadiusHolding). So each cell first
 * searches only the disk of radius R: when the disk holds at least k + 1 cells of the study
 * area, every cell outside it is farther than all of those, and the k + 1 nearest are among
 * them. Only cells near the outline, whose disk is partly outside the study area, search all
 * cells.
 */
export function neighbourPairs(rule: NeighbourRule): Sql {
  const s = rule.cellM;
  if (rule.rule === 'distance') {
    const d = rule.distanceM!;
    return sql`${pairsWithinOffsets(offsetsWithin(d, s), sql``)}
      WHERE (a.cx - b.cx) ^ 2 + (a.cy - b.cy) ^ 2 <= (${literal(d)} + 0.001) ^ 2`;
  }
  const wanted = rule.k! + 1;
  const radius2 = latticeRadiusHolding(wanted);
  const disk = offsetsWithin((Math.sqrt(radius2) / 2) * s, s);
  return sql`
    WITH in_disk AS MATERIALIZED (
      SELECT * FROM (${pairsWithinOffsets(disk, sql`, ${latticeDistance('a', 'b')} AS d2`)}) AS pairs
      WHERE d2 <= ${literal(radius2)}
    ),
    ranked AS (
      SELECT i, j, ni, nj,
             row_number() OVER (PARTITION BY i, j ORDER BY d2, ni, nj) AS rank,
             count(*) OVER (PARTITION BY i, j) AS found
      FROM in_disk
    )
    SELECT i, j, ni, nj FROM ranked WHERE found >= ${literal(wanted)} AND rank <= ${literal(wanted)}
    UNION ALL
    SELECT a.i, a.j, nearest.i AS ni, nearest.j AS nj
    FROM (SELECT DISTINCT i, j FROM ranked WHERE found < ${literal(wanted)}) AS a
    CROSS JOIN LATERAL (
      SELECT b.i, b.j FROM cells b
      ORDER BY ${latticeDistance('a', 'b')}, b.i, b.j
      LIMIT ${literal(wanted)}
    ) AS nearest`;
}
