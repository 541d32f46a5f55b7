-- The working calendar is rebuilt whenever `holidays` changes, so it is never stale.
CREATE OR REPLACE FUNCTION holidays_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_working_calendar();
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER holidays_refresh_working_calendar
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON holidays
  FOR EACH STATEMENT EXECUTE FUNCTION holidays_changed();
