-- A category marked or unmarked sensitive, or a new grid size (SENSITIVE_GRID_M, written to
-- privacy_settings at start-up): the public points of the reports concerned are computed again,
-- which moves their cluster cells and drops their cached tiles through the reports' triggers.
CREATE OR REPLACE FUNCTION refresh_public_locations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'categories' THEN
    UPDATE reports SET public_location = public_location_of(location, category_code)
    WHERE category_code = NEW.code;
  ELSE
    UPDATE reports SET public_location = public_location_of(location, category_code)
    WHERE category_code IN (SELECT code FROM categories WHERE sensitive);
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER categories_sensitive_changed
  AFTER UPDATE OF sensitive ON categories
  FOR EACH ROW WHEN (OLD.sensitive IS DISTINCT FROM NEW.sensitive)
  EXECUTE FUNCTION refresh_public_locations();

CREATE OR REPLACE TRIGGER privacy_grid_changed
  AFTER UPDATE OF sensitive_grid_m ON privacy_settings
  FOR EACH ROW WHEN (OLD.sensitive_grid_m IS DISTINCT FROM NEW.sensitive_grid_m)
  EXECUTE FUNCTION refresh_public_locations();
