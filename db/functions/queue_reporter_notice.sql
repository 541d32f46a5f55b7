-- Every public event of a report whose reporter left a way to reach them. A 'submitted' event
-- is told only for reports staff filed for a resident (phone, walk-in): a web or API sender saw
-- the tracking code on screen, and an SMS sender got it in the reply.
CREATE OR REPLACE FUNCTION queue_reporter_notice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1
    FROM reports r
    JOIN reporters rep ON rep.report_id = r.id
    WHERE r.id = NEW.report_id
      AND (rep.email IS NOT NULL OR rep.phone IS NOT NULL)
      AND (NEW.kind <> 'submitted' OR r.channel IN ('phone', 'walk_in'))
  ) THEN
    INSERT INTO outbox (topic, payload)
    VALUES ('reporter_notice', jsonb_build_object('reportId', NEW.report_id, 'eventId', NEW.id));
    -- Delivered at commit, never for a rolled-back transaction; identical notifications of one
    -- transaction are folded into one.
    PERFORM pg_notify('outbox', '');
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER report_events_reporter_notice AFTER INSERT ON report_events
  FOR EACH ROW WHEN (NEW.is_public) EXECUTE FUNCTION queue_reporter_notice();
