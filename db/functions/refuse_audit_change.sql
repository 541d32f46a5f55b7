-- Keeps the history of each report append-only: an edited or deleted event would rewrite what
-- residents and staff were told. The public timeline is its public rows.
CREATE OR REPLACE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'report_events is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE OR REPLACE TRIGGER report_events_append_only
  BEFORE UPDATE OR DELETE ON report_events
  FOR EACH ROW EXECUTE FUNCTION refuse_audit_change();
