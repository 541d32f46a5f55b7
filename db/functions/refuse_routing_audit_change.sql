-- Every change to a routing rule is kept, with the whole row before and after; the history
-- outlives a deleted rule (routing_rule_events has no foreign key to it), and is never rewritten.
CREATE OR REPLACE FUNCTION refuse_routing_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE OR REPLACE TRIGGER routing_rule_events_append_only
  BEFORE UPDATE OR DELETE ON routing_rule_events
  FOR EACH ROW EXECUTE FUNCTION refuse_routing_audit_change();
