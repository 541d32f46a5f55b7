import { raw, sql, type Queryable } from '../db/database.ts';
import { giStarCtes } from './gi-star.ts';
import { neighbourPairs, studyAreaCells } from './hex-grid.ts';
import type { LayerResult } from './layer.ts';
import { windowConditions, type NeighbourRule, type ReportWindow } from './parameters.ts';

export interface GetisOrdParameters {
  window: ReportWindow;
  neighbours: NeighbourRule;
  fdr: boolean;
  /** What Gi* is computed on: the count per cell, or the count per km² of the cell inside the study area. */
  measure: 'count' | 'density';
}

interface CellRow {
  i: number;
  j: number;
  count: number;
  area_km2: number | null;
  density: number | null;
  neighbours: number;
  gi_z: number | null;
  gi_p: number | null;
  bin: number;
  geometry: LayerResult['features'][number]['geometry'];
  wkt: string;
  n: number;
  mean: number;
  sd: number;
}

/**
 * Getis-Ord Gi* of public report counts on the hexagonal grid of the study area: every cell,
 * zeros included, with its count, z-score, p-value and confidence bin (gi-star.ts).
 *
 * measure 'count' (the default, as ArcGIS Hot Spot Analysis) tests reports per hexagon; a
 * hexagon on the city edge holds less land, so on an even pattern it reads cold (330 of 366
 * edge cells at 250 m on 1,000,000 uniform reports). measure 'density' tests reports per km²
 * of the hexagon inside the study area, after an Empirical Bayes standardisation (Assunção &
 * Reis 1999, as GeoDa does for rates). Dividing alone is not enough: a sliver's density rests
 * on a handful of reports and swings with each, so plain densities left 80 of those edge cells
 * significant and inflated S until a planted cluster faded from bin 3 to 1. Standardised, each
 * cell's value is its density's distance from the city-wide density in its own standard
 * errors; edge cells are then significant no more often than interior ones (about 5 %).
 */
export async function getisOrd(db: Queryable, p: GetisOrdParameters): Promise<LayerResult> {
  const density = p.measure === 'density';
  const rows = await db.query<CellRow>(sql`
    WITH cells AS MATERIALIZED (${studyAreaCells(p.window.cities, p.neighbours.cellM, density)}),
    counted AS (
      -- each report in the hexagon whose centre is nearest, in metres (see hexagon_cell)
      SELECT cell.i, cell.j, count(*) AS n
      FROM reports r
      CROSS JOIN LATERAL hexagon_cell(r.public_utm_x, r.public_utm_y, ${raw(String(p.neighbours.cellM))}) AS cell
      WHERE ${windowConditions(p.window)}
      GROUP BY cell.i, cell.j
    ),
    ${density ? sql`
    rates AS MATERIALIZED (
      SELECT c.i, c.j, coalesce(counted.n, 0)::integer AS n, c.area_km2 AS area
      FROM cells c LEFT JOIN counted USING (i, j)
    ),
    -- Empirical Bayes standardisation of each cell's density (Assunção & Reis 1999): prior
    -- mean b = all reports / all land, prior variance a = area-weighted variance of the
    -- densities less the Poisson part b / mean area (0 when negative), each cell's
    -- z = (density − b) / √(a + b / area): a cell with little land has a noisier density and
    -- is scaled down accordingly.
    prior AS (SELECT sum(n) / sum(area) AS b, sum(area) / count(*) AS mean_area FROM rates),
    spread AS (
      SELECT greatest(sum(r.area * (r.n / r.area - p.b) ^ 2) / sum(r.area) - p.b / p.mean_area, 0) AS a
      FROM rates r CROSS JOIN prior p GROUP BY p.b, p.mean_area
    ),
    observations AS MATERIALIZED (
      SELECT r.i, r.j, 0 AS period, r.n, r.n / r.area AS density,
             CASE WHEN p.b > 0 THEN (r.n / r.area - p.b) / sqrt(s.a + p.b / r.area) ELSE 0 END::float8 AS x
      FROM rates r CROSS JOIN prior p CROSS JOIN spread s
    ),` : sql`
    observations AS MATERIALIZED (
      SELECT c.i, c.j, 0 AS period, coalesce(counted.n, 0)::integer AS n, NULL::float8 AS density,
             coalesce(counted.n, 0)::float8 AS x
      FROM cells c LEFT JOIN counted USING (i, j)
    ),`}
    neighbours AS MATERIALIZED (${neighbourPairs(p.neighbours)}),
    ${giStarCtes(p.fdr)}
    SELECT b.i, b.j, o.n AS count, c.area_km2, o.density,
           b.w::integer AS neighbours, b.z AS gi_z, b.p AS gi_p, b.bin,
           ST_AsGeoJSON(ST_Transform(c.geom, 4326), 7)::json AS geometry,
           ST_AsText(ST_Transform(c.geom, 4326), 7) AS wkt,
           g.n, g.mean, g.sd
    FROM binned b
    JOIN cells c USING (i, j)
    JOIN observations o USING (i, j, period)
    JOIN global g USING (period)
    ORDER BY b.i, b.j`);
  const first = rows[0];
  return {
    layer: 'getis-ord',
    parameters: {
      statistic: 'Getis-Ord Gi* (Getis & Ord 1992; Ord & Getis 1995)',
      ...echoWindow(p.window),
      cell_m: p.neighbours.cellM,
      cell_shape: 'hexagon, ST_HexagonGrid size = edge length, flat-topped, anchored at the CRS origin',
      crs: 'EPSG:32748',
      study_area: density ? 'hexagons overlapping the city outlines by a positive area' : 'hexagons intersecting the city outlines',
      measure: p.measure,
      measure_definition: density
        ? 'reports per km² of the cell inside the study area, Empirical Bayes standardised (Assunção & Reis 1999)'
        : 'reports per cell (edge cells partly outside the cities hold fewer reports)',
      neighbours: p.neighbours.rule,
      distance_m: p.neighbours.distanceM,
      k: p.neighbours.k,
      distance_between: 'cell centres',
      weights: 'binary, each cell its own neighbour (w_ii = 1)',
      correction: p.fdr ? 'fdr (Benjamini-Hochberg)' : 'none',
      p_value: 'two-sided, standard normal',
      bins: '±3 p ≤ 0.01, ±2 p ≤ 0.05, ±1 p ≤ 0.10 (FDR thresholds when corrected), sign of z',
      n_cells: rows.length,
      mean: first?.mean ?? null,
      standard_deviation: first?.sd ?? null,
    },
    columns: density
      ? ['i', 'j', 'count', 'area_km2', 'density', 'neighbours', 'gi_z', 'gi_p', 'bin']
      : ['i', 'j', 'count', 'neighbours', 'gi_z', 'gi_p', 'bin'],
    features: rows.map((r) => ({
      geometry: r.geometry,
      wkt: r.wkt,
      properties: {
        i: r.i, j: r.j, count: r.count,
        ...(density ? { area_km2: r.area_km2, density: r.density } : {}),
        neighbours: r.neighbours, gi_z: r.gi_z, gi_p: r.gi_p, bin: r.bin,
      },
    })),
  };
}

/** The window as echoed in responses. */
export function echoWindow(w: ReportWindow) {
  return { categories: w.categories, cities: w.cities, statuses: w.statuses, since: w.since, until: w.until };
}
