-- Adds delta reports at one point, created at one time, to its cluster cell of that week at
-- each zoom stored per week (10–12), with the sums of their EPSG:3857 coordinates.
CREATE OR REPLACE FUNCTION report_cluster_weeks_add(
  point_3857 geometry, created timestamptz, category text, report_status text, delta integer
) RETURNS void LANGUAGE sql AS $$
  INSERT INTO report_cluster_weeks AS c
    (zoom, week_start, cell_x, cell_y, category_code, status, report_count, sum_x, sum_y)
  SELECT z, report_week(created), mercator_cell(ST_X(point_3857), z, false), mercator_cell(ST_Y(point_3857), z, true),
         category, report_status, delta, delta * ST_X(point_3857), delta * ST_Y(point_3857)
  FROM generate_series(10, 12) AS z
  ORDER BY z  -- always the same lock order, so concurrent writers cannot deadlock here
  ON CONFLICT (zoom, week_start, cell_x, cell_y, category_code, status) DO UPDATE
    SET report_count = c.report_count + EXCLUDED.report_count,
        sum_x = c.sum_x + EXCLUDED.sum_x,
        sum_y = c.sum_y + EXCLUDED.sum_y
$$;
