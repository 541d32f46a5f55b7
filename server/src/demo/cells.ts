import { raw, sql, type Queryable } from '../db/database.ts';

/**
 * Adds the cluster cells of the reports above `afterId`, as the trigger of
 * db/functions/report_cluster_cells_sync.sql would have row by row: zooms 10–16, one count and
 * the summed EPSG:3857 coordinates per (zoom, cell, kelurahan, category, status), added to any
 * cell that already exists.
 *
 * Only zoom 16 is counted from the reports (mercator_cell, as the trigger does). Each lower
 * zoom is summed from the one above: mercator_cell(c, z) = floor(u · 2^(z+4)) for the same
 * u ∈ [0, 1), so the parent cell is the child's index halved (exactly: scaling by a power of
 * two does not round). Six small aggregations instead of one over seven rows per report.
 */
export async function addClusterCells(tx: Queryable, afterId: number): Promise<void> {
  await tx.query(sql`
    WITH z16 AS MATERIALIZED (
      SELECT 16 AS zoom, mercator_cell(ST_X(r.public_location_3857), 16, false) AS cell_x,
             mercator_cell(ST_Y(r.public_location_3857), 16, true) AS cell_y,
             r.kelurahan_code, r.category_code, r.status,
             count(*)::int AS report_count, sum(ST_X(r.public_location_3857)) AS sum_x, sum(ST_Y(r.public_location_3857)) AS sum_y
      FROM reports r
      WHERE r.id > ${afterId}
      GROUP BY 2, 3, 4, 5, 6
    ),
    ${parentLevel(15, 'z16')},
    ${parentLevel(14, 'z15')},
    ${parentLevel(13, 'z14')},
    ${parentLevel(12, 'z13')},
    ${parentLevel(11, 'z12')},
    ${parentLevel(10, 'z11')}
    INSERT INTO report_cluster_cells AS c
      (zoom, cell_x, cell_y, kelurahan_code, category_code, status, report_count, sum_x, sum_y)
    SELECT * FROM (
      SELECT * FROM z16 UNION ALL SELECT * FROM z15 UNION ALL SELECT * FROM z14 UNION ALL
      SELECT * FROM z13 UNION ALL SELECT * FROM z12 UNION ALL SELECT * FROM z11 UNION ALL SELECT * FROM z10
    ) AS cells
    -- In primary-key order, so the index is filled page by page rather than at random.
    ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (zoom, cell_x, cell_y, kelurahan_code, category_code, status) DO UPDATE
      SET report_count = c.report_count + EXCLUDED.report_count,
          sum_x = c.sum_x + EXCLUDED.sum_x,
          sum_y = c.sum_y + EXCLUDED.sum_y`);
}

/** Zoom z's cells from zoom z + 1's (named child): each index halved, counts and sums added. */
function parentLevel(zoom: number, child: string) {
  return sql`${raw(`z${zoom}`)} AS MATERIALIZED (
      SELECT ${raw(String(zoom))} AS zoom, cell_x / 2 AS cell_x, cell_y / 2 AS cell_y, kelurahan_code, category_code, status,
             sum(report_count)::int AS report_count, sum(sum_x) AS sum_x, sum(sum_y) AS sum_y
      FROM ${raw(child)}
      GROUP BY 2, 3, 4, 5, 6
    )`;
}

/**
 * Adds the cells per week (report_cluster_weeks) of the reports above `afterId`, as the same
 * trigger would have row by row: zoom 12 counted from the reports, zooms 11 and 10 summed from
 * the finer one as above.
 */
export async function addClusterWeeks(tx: Queryable, afterId: number): Promise<void> {
  await tx.query(sql`
    WITH z12 AS MATERIALIZED (
      SELECT 12 AS zoom, report_week(r.created_at) AS week_start,
             mercator_cell(ST_X(r.public_location_3857), 12, false) AS cell_x,
             mercator_cell(ST_Y(r.public_location_3857), 12, true) AS cell_y,
             r.category_code, r.status,
             count(*)::int AS report_count, sum(ST_X(r.public_location_3857)) AS sum_x, sum(ST_Y(r.public_location_3857)) AS sum_y
      FROM reports r
      WHERE r.id > ${afterId}
      GROUP BY 2, 3, 4, 5, 6
    ),
    ${parentWeekLevel(11, 'z12')},
    ${parentWeekLevel(10, 'z11')}
    INSERT INTO report_cluster_weeks AS c
      (zoom, week_start, cell_x, cell_y, category_code, status, report_count, sum_x, sum_y)
    SELECT * FROM (SELECT * FROM z12 UNION ALL SELECT * FROM z11 UNION ALL SELECT * FROM z10) AS cells
    ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (zoom, week_start, cell_x, cell_y, category_code, status) DO UPDATE
      SET report_count = c.report_count + EXCLUDED.report_count,
          sum_x = c.sum_x + EXCLUDED.sum_x,
          sum_y = c.sum_y + EXCLUDED.sum_y`);
}

function parentWeekLevel(zoom: number, child: string) {
  return sql`${raw(`z${zoom}`)} AS MATERIALIZED (
      SELECT ${raw(String(zoom))} AS zoom, week_start, cell_x / 2 AS cell_x, cell_y / 2 AS cell_y, category_code, status,
             sum(report_count)::int AS report_count, sum(sum_x) AS sum_x, sum(sum_y) AS sum_y
      FROM ${raw(child)}
      GROUP BY 2, 3, 4, 5, 6
    )`;
}
