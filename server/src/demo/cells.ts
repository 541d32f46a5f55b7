import { sql, type Queryable } from '../db/database.ts';

/**
 * Adds the cluster cells of the reports above `afterId`, as the trigger of migration 0005
 * would have row by row: the same mercator_cell function, zooms 10–16, one count and the
 * summed EPSG:3857 coordinates per (zoom, cell, kelurahan, category, status), added to any
 * cell that already exists.
 */
export async function addClusterCells(tx: Queryable, afterId: number): Promise<void> {
  await tx.query(sql`
    INSERT INTO report_cluster_cells AS c
      (zoom, cell_x, cell_y, kelurahan_code, category_code, status, report_count, sum_x, sum_y)
    SELECT z, mercator_cell(ST_X(r.location_3857), z, false), mercator_cell(ST_Y(r.location_3857), z, true),
           r.kelurahan_code, r.category_code, r.status,
           count(*), sum(ST_X(r.location_3857)), sum(ST_Y(r.location_3857))
    FROM reports r CROSS JOIN generate_series(10, 16) AS z
    WHERE r.id > ${afterId}
    GROUP BY 1, 2, 3, 4, 5, 6
    -- In primary-key order, so the index is filled page by page rather than at random.
    ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (zoom, cell_x, cell_y, kelurahan_code, category_code, status) DO UPDATE
      SET report_count = c.report_count + EXCLUDED.report_count,
          sum_x = c.sum_x + EXCLUDED.sum_x,
          sum_y = c.sum_y + EXCLUDED.sum_y`);
}
