-- Every server instance caches tiles of the reports' public points (public_location); when
-- reports change (through any instance, a script or psql), each instance must drop the cached
-- tiles that hold them. One notification per statement carries the changed points, old and new
-- positions; a statement changing more than 200 (bulk loads, re-routing) says {"all": true}
-- instead, which drops every cached report tile.
-- server/src/tiles/invalidation.ts follows the notifications.
CREATE OR REPLACE FUNCTION notify_report_tiles() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  points geometry[] := '{}';
BEGIN
  -- Transition tables exist only for the event that fired; each branch reads its own.
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    points := points || ARRAY(SELECT public_location FROM new_rows LIMIT 201);
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    points := points || ARRAY(SELECT public_location FROM old_rows LIMIT 201);
  END IF;
  PERFORM pg_notify('report_tiles', CASE
    WHEN cardinality(points) > 200 THEN '{"all":true}'
    ELSE json_build_object('points', (
      SELECT COALESCE(json_agg(json_build_array(round(ST_X(p)::numeric, 7), round(ST_Y(p)::numeric, 7))), '[]'::json)
      FROM unnest(points) AS p))::text
  END);
  RETURN NULL;
END $$;

-- PostgreSQL allows transition tables only on single-event triggers, hence three triggers.
CREATE OR REPLACE TRIGGER reports_tiles_insert AFTER INSERT ON reports
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_report_tiles();
CREATE OR REPLACE TRIGGER reports_tiles_update AFTER UPDATE ON reports
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_report_tiles();
CREATE OR REPLACE TRIGGER reports_tiles_delete AFTER DELETE ON reports
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION notify_report_tiles();
