-- Report counts per grid cell, kept current by trigger, so that a clustered (low-zoom) tile
-- reads a bounded number of cells instead of scanning every report; the same for the cells per
-- week (report_cluster_weeks) that time-window tiles sum. Cells count the public
-- point (public_location_of), so a sensitive report's snapped point lies in the cell it counts
-- in. A changed report leaves its old cell and joins its new one; an update touching none of
-- the cell's keys fires nothing.
CREATE OR REPLACE FUNCTION report_cluster_cells_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM report_cluster_cells_add(OLD.public_location_3857, OLD.kelurahan_code, OLD.category_code, OLD.status, -1);
    PERFORM report_cluster_weeks_add(OLD.public_location_3857, OLD.created_at, OLD.category_code, OLD.status, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM report_cluster_cells_add(NEW.public_location_3857, NEW.kelurahan_code, NEW.category_code, NEW.status, 1);
    PERFORM report_cluster_weeks_add(NEW.public_location_3857, NEW.created_at, NEW.category_code, NEW.status, 1);
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER reports_cluster_cells_insert_delete
  AFTER INSERT OR DELETE ON reports
  FOR EACH ROW EXECUTE FUNCTION report_cluster_cells_sync();

-- The location is compared as its bytes, not with geometry's =: pg_restore creates triggers
-- with an empty search_path, where PostGIS's = is not found and the trigger, hence the
-- restore, fails with "operator is not unique: public.geometry = public.geometry".
CREATE OR REPLACE TRIGGER reports_cluster_cells_update
  AFTER UPDATE OF location, public_location, kelurahan_code, category_code, status, created_at ON reports
  FOR EACH ROW
  WHEN (OLD.public_location::bytea IS DISTINCT FROM NEW.public_location::bytea OR OLD.kelurahan_code IS DISTINCT FROM NEW.kelurahan_code
        OR OLD.category_code IS DISTINCT FROM NEW.category_code OR OLD.status IS DISTINCT FROM NEW.status
        OR OLD.created_at IS DISTINCT FROM NEW.created_at)
  EXECUTE FUNCTION report_cluster_cells_sync();
