-- Adds delta reports at one point to its cluster cell at each stored zoom (10–16), with the sums
-- of their EPSG:3857 coordinates, so that sum / count is the cluster's centre.
CREATE OR REPLACE FUNCTION report_cluster_cells_add(
  point_3857 geometry, kelurahan text, category text, report_status text, delta integer
) RETURNS void LANGUAGE sql AS $$
  INSERT INTO report_cluster_cells AS c
    (zoom, cell_x, cell_y, kelurahan_code, category_code, status, report_count, sum_x, sum_y)
  SELECT z, mercator_cell(ST_X(point_3857), z, false), mercator_cell(ST_Y(point_3857), z, true),
         kelurahan, category, report_status, delta, delta * ST_X(point_3857), delta * ST_Y(point_3857)
  FROM generate_series(10, 16) AS z
  ORDER BY z  -- always the same lock order, so concurrent writers cannot deadlock here
  ON CONFLICT (zoom, cell_x, cell_y, kelurahan_code, category_code, status) DO UPDATE
    SET report_count = c.report_count + EXCLUDED.report_count,
        sum_x = c.sum_x + EXCLUDED.sum_x,
        sum_y = c.sum_y + EXCLUDED.sum_y
$$;
