-- Keeps reports.public_location (public_location_of) current as a report is stored or moved or
-- recategorised. BEFORE the row is written, so the cluster cells (report_cluster_cells_sync)
-- and the tile notifications (notify_report_tiles) see the public point.
CREATE OR REPLACE FUNCTION set_public_location() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.public_location := public_location_of(NEW.location, NEW.category_code);
  RETURN NEW;
END $$;

CREATE OR REPLACE TRIGGER reports_public_location
  BEFORE INSERT OR UPDATE OF location, category_code ON reports
  FOR EACH ROW EXECUTE FUNCTION set_public_location();
