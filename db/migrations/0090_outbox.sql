-- What must follow a committed change but cannot run inside its transaction (queueing a
-- notice to the reporter, which sends mail or SMS through pg-boss) is written here in the same
-- transaction, so a rolled-back change leaves nothing behind and a committed one cannot be
-- forgotten. Every instance drains the table (server/src/outbox/); a message whose handler
-- failed waits until available_at and is tried again. The rows are written by
-- db/functions/queue_reporter_notice.sql, not by the application.
CREATE TABLE outbox (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  topic        text NOT NULL,
  payload      jsonb NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  available_at timestamptz NOT NULL DEFAULT now(),
  attempts     integer NOT NULL DEFAULT 0,
  last_error   text
);
CREATE INDEX outbox_available_idx ON outbox (available_at, id);
