import { raw, sql, type Queryable } from '../db/database.ts';
import { echoWindow } from './getis-ord.ts';
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

interface TrendRow {
  i: number;
  j: number;
  count: number;
  counts: number[];
  bins: number[];
  hot_weeks: number;
  trend_z: number;
  trend_p: number;
  label: string | null;
  geometry: LayerResult['features'][number]['geometry'];
  wkt: string;
}

// Trends are judged at 95 % (the Mann–Kendall p-value); hot weeks are Gi* bins ≥ 1 (90 %).
const trendAlpha = 0.05;

/**
 * Emerging hot spots after ArcGIS Pro's Emerging Hot Spot Analysis ("How Emerging Hot Spot
 * Analysis works"), on the same hexagons and neighbours as getis-ord.ts: Gi* is computed for
 * every cell in each of the `weeks` weekly periods (week 0 the oldest, each period's own mean and
 * standard deviation), a week is "hot" when its Gi* bin is +1, +2 or +3 (p ≤ 0.10, z > 0), and
 * the trend of the cell's weekly z-scores is tested with Mann–Kendall. Labels, N = weeks:
 *
 * - new: hot in the final week and in no earlier week;
 * - intensifying: hot in at least 90 % of the N weeks, the final one included, with a
 *   significant upward trend of z (Mann–Kendall p ≤ 0.05, S > 0);
 * - diminishing: as intensifying, with a significant downward trend (S < 0);
 * - persistent: hot in at least 90 % of the N weeks with no significant trend.
 * ESRI's other categories (consecutive, sporadic, oscillating, historical, and the cold-spot
 * mirror images) are not labelled: `label` is null for those cells. Only cells hot in at least
 * one week are returned.
 *
 * Mann–Kendall (Mann 1945; Kendall 1975): S = Σ_{k<l} sign(z_l − z_k),
 * Var S = [N(N−1)(2N+5) − Σ_t t(t−1)(2t+5)] / 18 over groups of t tied values, and
 * Z = (S − sign S) / √Var S (continuity correction), two-sided normal p. A cell whose z is the
 * same every week (identical counts) has Var S = 0 and no trend. An undefined Gi* (a week with
 * no variation) counts as z = 0.
 */
export async function emergingHotspots(db: Queryable, p: EmergingParameters): Promise<LayerResult> {
  const weeks = raw(String(p.weeks));
  const rows = await db.query<TrendRow>(sql`
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
             count(*) FILTER (WHERE bin > 0)::integer AS hot_weeks,
             count(*) FILTER (WHERE bin > 0 AND period < ${weeks} - 1)::integer AS hot_before,
             bool_or(bin > 0 AND period = ${weeks} - 1) AS hot_last
      FROM weekly GROUP BY i, j
      HAVING bool_or(bin > 0)
    ),
    -- per cell over its array of weekly z: N ≤ 52, so N(N−1)/2 pairs is at most 1,326
    trend AS (
      SELECT s.i, s.j, mk.z AS trend_z, normal_two_sided_p(mk.z) AS trend_p
      FROM summary s
      CROSS JOIN LATERAL (
        SELECT sum(sign(s.zs[l] - s.zs[k]))::float8 AS s
        FROM generate_series(1, ${weeks}) AS k JOIN generate_series(1, ${weeks}) AS l ON l > k) AS kendall
      CROSS JOIN LATERAL (
        SELECT sum(t * (t - 1) * (2 * t + 5)) AS correction
        FROM (SELECT count(*)::float8 AS t FROM unnest(s.zs) AS z GROUP BY z) AS tied) AS ties
      CROSS JOIN LATERAL (SELECT (${weeks} * (${weeks} - 1) * (2 * ${weeks} + 5) - ties.correction) / 18.0 AS var) AS v
      CROSS JOIN LATERAL (SELECT CASE WHEN v.var > 0 THEN (kendall.s - sign(kendall.s)) / sqrt(v.var) ELSE 0 END AS z) AS mk
    )
    SELECT s.i, s.j, s.count, s.counts, s.bins, s.hot_weeks, t.trend_z, t.trend_p,
           CASE
             WHEN s.hot_last AND s.hot_before = 0 THEN 'new'
             WHEN s.hot_weeks >= 0.9 * ${weeks} AND s.hot_last AND t.trend_p <= ${trendAlpha} AND t.trend_z > 0 THEN 'intensifying'
             WHEN s.hot_weeks >= 0.9 * ${weeks} AND s.hot_last AND t.trend_p <= ${trendAlpha} AND t.trend_z < 0 THEN 'diminishing'
             WHEN s.hot_weeks >= 0.9 * ${weeks} AND t.trend_p > ${trendAlpha} THEN 'persistent'
           END AS label,
           ST_AsGeoJSON(ST_Transform(c.geom, 4326), 7)::json AS geometry,
           ST_AsText(ST_Transform(c.geom, 4326), 7) AS wkt
    FROM summary s
    JOIN trend t USING (i, j)
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
      hot_week: 'Gi* bin ≥ 1 (p ≤ 0.10, z > 0), no FDR correction',
      trend: `Mann-Kendall on weekly z, two-sided p ≤ ${trendAlpha}`,
      labels: 'new, intensifying, persistent, diminishing (null: hot in some week, none of these)',
      n_cells: rows.length,
    },
    columns: ['i', 'j', 'label', 'count', 'hot_weeks', 'trend_z', 'trend_p', 'counts', 'bins'],
    features: rows.map((r) => ({
      geometry: r.geometry,
      wkt: r.wkt,
      properties: {
        i: r.i, j: r.j, label: r.label, count: r.count, hot_weeks: r.hot_weeks,
        trend_z: r.trend_z, trend_p: r.trend_p, counts: r.counts, bins: r.bins,
      },
    })),
  };
}
