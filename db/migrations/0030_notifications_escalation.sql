-- Messages about reports (server/src/notifications/) and escalation of overdue reports
-- (server/src/escalation/). Both run as background jobs in pg-boss, which keeps its own schema
-- `pgboss` and installs and upgrades it itself when the server starts.

-- What became of the message each event caused, per channel: to the reporter for a public event,
-- to the department's supervisor for an 'escalated' one. Neither the text nor the address is kept
-- here: the job reads the address when it runs, so a contact deleted meanwhile is not written to.
CREATE TABLE notification_deliveries (
  event_id        bigint NOT NULL REFERENCES report_events (id) ON DELETE CASCADE,
  channel         text NOT NULL CHECK (channel IN ('email', 'sms')),
  status          text NOT NULL CHECK (status IN ('sent', 'failed', 'skipped')),
  attempts        integer NOT NULL DEFAULT 1 CHECK (attempts >= 1),
  -- The last failure, with e-mail addresses and phone numbers blanked out (SMTP servers quote
  -- the recipient in their refusals).
  last_error      text,
  skip_reason     text CHECK (skip_reason IN (
                    'no_contact',         -- no address (any more) for this channel
                    'not_told',           -- the channel does not carry this kind of event
                    'not_public',         -- a private event reached the reporter's queue
                    'not_sms_reporter')), -- SMS notices go only to SMS reporters (sms/notify.ts)
  first_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_attempt_at timestamptz NOT NULL DEFAULT now(),
  sent_at         timestamptz,
  PRIMARY KEY (event_id, channel),
  CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
  CHECK ((status = 'skipped') = (skip_reason IS NOT NULL))
);

-- A report is escalated once per deadline: two job runners racing both insert, and the second
-- insert meets this index and does nothing. The deadline is part of the key because a reopened
-- report, or a holiday that moved it, has a new promise that may be missed again. due_at is
-- written as UTC text by the escalation job (to_char), so the key does not depend on the
-- session's time zone.
CREATE UNIQUE INDEX report_events_escalated_once_idx
  ON report_events (report_id, (new_value->>'due_at'))
  WHERE kind = 'escalated';
