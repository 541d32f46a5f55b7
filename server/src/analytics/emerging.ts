import { raw, sql, type Queryable } from '../db/database.ts';
import { echoWindow } from './getis-ord.ts';
import { classifyEmerging, emergingPatterns, trendAlpha } from './emerging-patterns.ts';
import { giStarCtes } from './gi-star.ts';
import { neighbourPairs, studyAreaCells } from './hex-grid.ts';
import type { LayerResult } from './layer.ts';
import { windowConditions, type NeighbourRule, type ReportWindow } from './parameters.ts';

export interface EmergingParameters {
  /** since and until span exactly `weeks` weeks ending at until (see emergingWindow). */
  window: ReportWindow;
  neighbours: NeighbourRule;
  weeks: number;
}

interface CellRow {
  i: number;
  j: number;
  count: number;
  counts: number[];
  bins: number[];
  zs: number[];
  hot_weeks: number;
  geometry: LayerResult['features'][number]['geometry'];
  wkt: string;
}

/**
 * Emerging hot spots after ArcGIS Pro's Emerging Hot Spot Analysis ("How Emerging Hot Spot
 * Analysis works"), on the same hexagons and neighbours as getis-ord.ts: Gi* is computed in SQL
 * for every cell in each of the `weeks` weekly periods (week 0 the oldest, each period's own
 * mean and standard deviation); each cell's series of bins and z-scores is then labelled with
 * one of the seventeen categories by classifyEmerging (emerging-patterns.ts: Mann–Kendall trend
 * of z, the 90 % rule). Cells significant (hot or cold) in at least one week are returned. An
 * undefined Gi* (a week with no variation) counts as z = 0, bin 0.
 */
export async function emergingHotspots(db: Queryable, p: EmergingParameters): Promise<LayerResult> {
  const weeks = raw(String(p.weeks));
  const rows = await db.query<CellRow>(sql`
    WITH cells AS MATERIALIZED (${studyAreaCells(p.window.cities, p.neighbours.cellM)}),
    counted AS (
      -- week number counted from the window's start; the window is exactly N weeks long
      SELECT cell.i, cell.j,
             floor(extract(epoch FROM r.created_at - ${p.window.since}::timestamptz) / 604800)::integer AS period,
             count(*) AS n
      FROM reports r
      CROSS JOIN LATERAL hexagon_cell(r.public_utm_x, r.public_utm_y, ${raw(String(p.neighbours.cellM))}) AS cell
      WHERE ${windowConditions(p.window)}
      GROUP BY 1, 2, 3
    ),
    observations AS MATERIALIZED (
      SELECT c.i, c.j, w.period, coalesce(counted.n, 0)::float8 AS x
      FROM cells c
      CROSS JOIN generate_series(0, ${weeks} - 1) AS w (period)
      LEFT JOIN counted USING (i, j, period)
    ),
    neighbours AS MATERIALIZED (${neighbourPairs(p.neighbours)}),
    ${giStarCtes(false)},
    weekly AS MATERIALIZED (SELECT i, j, period, x, coalesce(z, 0) AS z, bin FROM binned),
    summary AS (
      SELECT i, j, sum(x)::integer AS count,
             array_agg(x::integer ORDER BY period) AS counts,
             array_agg(bin ORDER BY period) AS bins,
             array_agg(z ORDER BY period) AS zs,
             count(*) FILTER (WHERE bin > 0)::integer AS hot_weeks
      FROM weekly GROUP BY i, j
      HAVING bool_or(bin <> 0)
    )
    SELECT s.i, s.j, s.count, s.counts, s.bins, s.zs, s.hot_weeks,
           ST_AsGeoJSON(ST_Transform(c.geom, 4326), 7)::json AS geometry,
           ST_AsText(ST_Transform(c.geom, 4326), 7) AS wkt
    FROM summary s
    JOIN cells c USING (i, j)
    ORDER BY s.i, s.j`);
  return {
    layer: 'emerging',
    parameters: {
      method: 'Emerging hot spots: weekly Getis-Ord Gi* + Mann-Kendall trend of z (after ArcGIS Pro)',
      ...echoWindow(p.window),
      weeks: p.weeks,
      period: '7 days, week 0 the oldest, ending at until',
      cell_m: p.neighbours.cellM,
      crs: 'EPSG:32748',
      neighbours: p.neighbours.rule,
      distance_m: p.neighbours.distanceM,
      k: p.neighbours.k,
      weights: 'binary, each cell its own neighbour (w_ii = 1)',
      hot_week: 'Gi* bin ≥ 1 (p ≤ 0.10, z > 0), cold week bin ≤ −1, no FDR correction',
      trend: `Mann-Kendall on weekly z, two-sided p ≤ ${trendAlpha}`,
      labels: `${emergingPatterns.join(', ')} (ArcGIS Pro's seventeen categories)`,
      n_cells: rows.length,
    },
    columns: ['i', 'j', 'label', 'count', 'hot_weeks', 'trend_z', 'trend_p', 'counts', 'bins'],
    features: rows.map((r) => {
      const { pattern, trend } = classifyEmerging(r.bins, r.zs);
      return {
        geometry: r.geometry,
        wkt: r.wkt,
        properties: {
          i: r.i, j: r.j, label: pattern, count: r.count, hot_weeks: r.hot_weeks,
          trend_z: trend.z, trend_p: trend.p, counts: r.counts, bins: r.bins,
        },
      };
    }),
  };
}
