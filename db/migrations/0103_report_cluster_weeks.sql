-- Report counts per cluster cell and per week, so that a low-zoom tile filtered by a time
-- window (since/until) sums the cells of the whole weeks inside it and reads only the partial
-- days at its edges from the reports, instead of scanning every report of the window.
--
-- Cells are those of report_cluster_cells (mercator_cell: 1/16 of a tile per axis). Weeks are
-- the planners' weeks: Monday to Sunday in WIB (UTC+7), so a week range chosen on the time
-- slider needs no edge days at all (report_week). Stored for zooms 10–12 only: from zoom 13 a
-- tile is at most a few kilometres wide and reading its reports is no dearer than reading a
-- cell per report and week, which is what finer cells would hold. Not keyed by kelurahan: a
-- zoom-10 cell spans several kelurahan, and splitting by them would multiply the rows a wide
-- window sums; a window filtered by kelurahan reads the reports of those kelurahan instead.

CREATE FUNCTION report_week(created_at timestamptz)
RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT date_trunc('week', (created_at AT TIME ZONE 'UTC') + interval '7 hours')::date
$$;

CREATE TABLE report_cluster_weeks (
  zoom          smallint NOT NULL CHECK (zoom BETWEEN 10 AND 12),
  week_start    date NOT NULL CHECK (extract(isodow FROM week_start) = 1),
  cell_x        integer NOT NULL,
  cell_y        integer NOT NULL,
  category_code text NOT NULL,
  status        text NOT NULL,
  report_count  integer NOT NULL,
  -- Sums of the reports' EPSG:3857 coordinates: sum / count is the cluster's centre.
  sum_x         double precision NOT NULL,
  sum_y         double precision NOT NULL,
  -- Week before cell: a low-zoom tile covers the whole city, so the window is what narrows.
  PRIMARY KEY (zoom, week_start, cell_x, cell_y, category_code, status)
);

-- The reports already there, zoom 12 from the reports and each coarser zoom from the finer
-- one (a parent cell is the child's index halved, as in server/src/demo/cells.ts).
WITH z12 AS MATERIALIZED (
  SELECT 12 AS zoom, report_week(created_at) AS week_start,
         mercator_cell(ST_X(public_location_3857), 12, false) AS cell_x,
         mercator_cell(ST_Y(public_location_3857), 12, true) AS cell_y,
         category_code, status, count(*)::int AS report_count,
         sum(ST_X(public_location_3857)) AS sum_x, sum(ST_Y(public_location_3857)) AS sum_y
  FROM reports
  GROUP BY 2, 3, 4, 5, 6
),
z11 AS MATERIALIZED (
  SELECT 11 AS zoom, week_start, cell_x / 2 AS cell_x, cell_y / 2 AS cell_y, category_code, status,
         sum(report_count)::int AS report_count, sum(sum_x) AS sum_x, sum(sum_y) AS sum_y
  FROM z12 GROUP BY 2, 3, 4, 5, 6
),
z10 AS (
  SELECT 10 AS zoom, week_start, cell_x / 2 AS cell_x, cell_y / 2 AS cell_y, category_code, status,
         sum(report_count)::int AS report_count, sum(sum_x) AS sum_x, sum(sum_y) AS sum_y
  FROM z11 GROUP BY 2, 3, 4, 5, 6
)
INSERT INTO report_cluster_weeks
SELECT * FROM z12 UNION ALL SELECT * FROM z11 UNION ALL SELECT * FROM z10;
