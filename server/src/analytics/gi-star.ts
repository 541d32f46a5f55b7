import { sql, type Sql } from '../db/database.ts';

/**
 * CTE bodies computing Getis-Ord Gi* for every cell in every period, after the CTEs
 * `observations (i, j, period, x)` — one row per study-area cell and period, zeros included —
 * and `neighbours (i, j, ni, nj)` (binary weights, self included). Ends with `binned`:
 * (i, j, period, x, w, z, p, bin).
 *
 * The statistic (Getis & Ord 1992, eq. 9; Ord & Getis 1995, eq. 12):
 *
 *   Gi* = (Σj wij xj − X̄ Σj wij) / ( S √[ (n Σj wij² − (Σj wij)²) / (n − 1) ] )
 *
 * with X̄ and S the mean and population standard deviation (divisor n) of all n cells of the
 * period, cell i included. With binary weights Σj wij² = Σj wij = w, the neighbour count. Gi* is
 * itself a z-score; its p-value is two-sided from the standard normal. When every cell has the
 * same count (S = 0) or every cell neighbours every other (n·w = w²) the statistic is
 * undefined: z and p are null and the bin is 0.
 *
 * Bins follow ArcGIS Pro's Hot Spot Analysis (Gi_Bin): ±3, ±2, ±1 for hot (+) or cold (−)
 * spots at 99 %, 95 %, 90 % confidence (p ≤ 0.01, 0.05, 0.10), 0 otherwise. With the False
 * Discovery Rate correction, as in ArcGIS, each level's threshold becomes the Benjamini–
 * Hochberg one (1995): rank the m p-values of the period ascending; the threshold for α is the
 * largest p(r) with p(r) ≤ r·α / m, and a cell is significant at α when its p is at most that.
 */
export function giStarCtes(fdr: boolean): Sql {
  return sql`
    global AS (
      SELECT period, count(*)::float8 AS n, avg(x) AS mean, stddev_pop(x) AS sd
      FROM observations GROUP BY period
    ),
    local AS (
      SELECT nb.i, nb.j, o.period, sum(o.x) AS wx, count(*)::float8 AS w
      FROM neighbours nb
      JOIN observations o ON o.i = nb.ni AND o.j = nb.nj
      GROUP BY nb.i, nb.j, o.period
    ),
    tested AS MATERIALIZED (
      SELECT l.i, l.j, l.period, l.w, z, normal_two_sided_p(z) AS p
      FROM local l
      JOIN global g USING (period)
      -- S compared with a tolerance: identical counts can leave a rounding residue in stddev_pop
      CROSS JOIN LATERAL (SELECT CASE WHEN g.sd > 1e-9 * greatest(abs(g.mean), 1) AND g.n * l.w > l.w * l.w
        THEN (l.wx - g.mean * l.w) / (g.sd * sqrt((g.n * l.w - l.w * l.w) / (g.n - 1)))
      END AS z) AS statistic
    ),
    thresholds AS MATERIALIZED (
      ${fdr ? sql`
      SELECT period,
             coalesce(max(p) FILTER (WHERE p <= rank * 0.01 / m), -1) AS p99,
             coalesce(max(p) FILTER (WHERE p <= rank * 0.05 / m), -1) AS p95,
             coalesce(max(p) FILTER (WHERE p <= rank * 0.10 / m), -1) AS p90
      FROM (SELECT period, p, row_number() OVER (PARTITION BY period ORDER BY p) AS rank,
                   count(*) OVER (PARTITION BY period) AS m
            FROM tested WHERE p IS NOT NULL) AS ranked
      GROUP BY period` : sql`
      SELECT DISTINCT period, 0.01 AS p99, 0.05 AS p95, 0.10 AS p90 FROM tested`}
    ),
    binned AS (
      SELECT t.i, t.j, t.period, o.x, t.w, t.z, t.p,
             CASE WHEN t.p IS NULL THEN 0
                  ELSE sign(t.z)::integer * CASE WHEN t.p <= th.p99 THEN 3 WHEN t.p <= th.p95 THEN 2
                                                  WHEN t.p <= th.p90 THEN 1 ELSE 0 END
             END AS bin
      FROM tested t
      JOIN observations o USING (i, j, period)
      LEFT JOIN thresholds th USING (period)
    )`;
}
