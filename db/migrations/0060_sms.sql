-- The SMS channel (server/src/sms/). Messages come and go through Gammu SMSD, whose tables live
-- in another database; these tables are this side's memory of them, so that each incoming SMS
-- is acted on exactly once and each reply or notice is sent exactly once (see sms/inbound.ts).

-- Every incoming SMS acted on, written in the same transaction as what it caused (a report).
CREATE TABLE sms_inbound (
  gateway_message_id bigint PRIMARY KEY,       -- SMSD inbox."ID"
  -- sha256 of sender, SMSC time, UDH and text: tells a redelivered copy of a message from a new
  -- one, and a reused ID (a recreated SMSD database) from the message first seen with it.
  message_hash       text NOT NULL,
  outcome            text NOT NULL CHECK (outcome IN (
                       'report',             -- a report was created
                       'status',             -- CEK: the status was sent
                       'help',               -- a reply with the format
                       'problem',            -- malformed, unknown kelurahan/category: a reply saying so
                       'ignored',            -- no one to answer (an operator's sender name, a multipart tail)
                       'redelivered')),      -- the same SMS again under another ID: nothing to do
  problem            text,                   -- what was wrong (parse.ts SmsProblem code), for tuning the parser
  report_id          bigint REFERENCES reports (id) ON DELETE SET NULL,
  received_at        timestamptz NOT NULL,   -- SMSC time of the message
  processed_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sms_inbound_hash_idx ON sms_inbound (message_hash);

-- Every SMS the app decided to send, before it is handed to SMSD. The outbox ID is taken from
-- SMSD's own sequence first and kept here, so handing the message over again after a crash
-- finds it (in outbox or sentitems) instead of sending it twice.
CREATE TABLE sms_outbound (
  id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  gateway_outbox_id  bigint NOT NULL UNIQUE,   -- SMSD outbox."ID" = sentitems."ID"
  destination        text NOT NULL,            -- the resident's number: personal data, never public
  body               text NOT NULL,
  -- Why it was sent: a reply to one incoming SMS, or a notice of one public report event.
  inbound_message_id bigint UNIQUE REFERENCES sms_inbound (gateway_message_id) ON DELETE CASCADE,
  event_id           bigint UNIQUE REFERENCES report_events (id) ON DELETE CASCADE,
  report_id          bigint REFERENCES reports (id) ON DELETE CASCADE,
  created_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (num_nonnulls(inbound_message_id, event_id) = 1)
);
CREATE INDEX sms_outbound_report_idx ON sms_outbound (report_id) WHERE report_id IS NOT NULL;
