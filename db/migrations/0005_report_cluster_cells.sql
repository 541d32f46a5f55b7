-- Report counts per grid cell, kept current by trigger, so that a clustered (low-zoom) tile
-- reads a bounded number of cells instead of scanning every report.
--
-- A cell at zoom z is 1/16 of a z/x/y tile on each axis (so 256 MVT units of a 4096 extent,
-- about 32 px of a 512 px tile): cell_x = floor(tile x at zoom z+4). Cells are stored for
-- zooms 10–16; a tile below zoom 10 sums the zoom-10 cells it covers (integer division), which
-- for one city is at most a few thousand rows. Keyed by kelurahan, category and status so that
-- the map's filters select cells without touching reports.

CREATE TABLE report_cluster_cells (
  zoom           smallint NOT NULL CHECK (zoom BETWEEN 10 AND 16),
  cell_x         integer NOT NULL,
  cell_y         integer NOT NULL,
  kelurahan_code text NOT NULL,
  category_code  text NOT NULL,
  status         text NOT NULL,
  report_count   integer NOT NULL,
  -- Sums of the reports' EPSG:3857 coordinates: sum / count is the cluster's centre.
  sum_x          double precision NOT NULL,
  sum_y          double precision NOT NULL,
  PRIMARY KEY (zoom, cell_x, cell_y, kelurahan_code, category_code, status)
);

-- Cell index of a Web Mercator coordinate at zoom z (16 cells per tile per axis).
-- 20037508.342789244 is half the width of the EPSG:3857 world square.
CREATE FUNCTION mercator_cell(coordinate double precision, z integer, is_y boolean)
RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT floor(
    (CASE WHEN is_y THEN 20037508.342789244 - coordinate ELSE coordinate + 20037508.342789244 END)
    / (2 * 20037508.342789244) * (2 ^ (z + 4))
  )::integer
$$;

CREATE FUNCTION report_cluster_cells_add(
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

CREATE FUNCTION report_cluster_cells_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM report_cluster_cells_add(OLD.location_3857, OLD.kelurahan_code, OLD.category_code, OLD.status, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM report_cluster_cells_add(NEW.location_3857, NEW.kelurahan_code, NEW.category_code, NEW.status, 1);
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER reports_cluster_cells_insert_delete
  AFTER INSERT OR DELETE ON reports
  FOR EACH ROW EXECUTE FUNCTION report_cluster_cells_sync();

CREATE TRIGGER reports_cluster_cells_update
  AFTER UPDATE OF location, kelurahan_code, category_code, status ON reports
  FOR EACH ROW
  WHEN (OLD.location IS DISTINCT FROM NEW.location OR OLD.kelurahan_code IS DISTINCT FROM NEW.kelurahan_code
        OR OLD.category_code IS DISTINCT FROM NEW.category_code OR OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION report_cluster_cells_sync();
