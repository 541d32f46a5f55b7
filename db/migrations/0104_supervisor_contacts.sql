-- Overdue work reaches someone: besides each department's supervisor (migration 0022), each
-- kelurahan has one, told of the overdue reports in their area (server/src/escalation/), and
-- every supervisor receives a daily digest of their overdue reports.

-- Same shape as departments.supervisor_email: the address an admin set in the console.
ALTER TABLE kelurahan
  ADD COLUMN supervisor_email text CHECK (supervisor_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$');

-- One digest per supervisor and WIB day: the daily job inserts a row per recipient before
-- queueing the e-mail, so a second run on the same day finds the row and queues nothing. The
-- recipient is kept as the SHA-256 of the lower-cased address, not the address: the e-mail job
-- looks the address up among the current contacts when it runs, so a contact removed since is
-- not written to, and this table holds no address.
CREATE TABLE supervisor_digests (
  digest_date      date NOT NULL,
  recipient_sha256 text NOT NULL CHECK (recipient_sha256 ~ '^[0-9a-f]{64}$'),
  queued_at        timestamptz NOT NULL DEFAULT now(),
  sent_at          timestamptz,
  -- Reports listed in the e-mail, for "what did the supervisor see that day?".
  report_count     integer CHECK (report_count >= 0),
  PRIMARY KEY (digest_date, recipient_sha256)
);
