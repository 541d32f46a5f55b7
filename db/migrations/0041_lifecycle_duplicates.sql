-- Lifecycle and duplicates.

-- A secret handed only to the submitter (hash stored), so that the resident, and nobody who
-- merely knows the public tracking code, can reopen a resolved report.
ALTER TABLE reports ADD COLUMN resident_token_hash text;
-- A retried submission must hand the same token back; only the key's row keeps it.
ALTER TABLE idempotency_keys ADD COLUMN resident_token text;

-- A duplicate points at the report it was merged into, and shares that report's fate.
ALTER TABLE reports ADD COLUMN duplicate_of bigint REFERENCES reports (id);
ALTER TABLE reports ADD CONSTRAINT reports_duplicate_not_self CHECK (duplicate_of <> id);
CREATE INDEX reports_duplicate_of_idx ON reports (duplicate_of) WHERE duplicate_of IS NOT NULL;

-- "+1" from residents who have the same problem, instead of a new report. One per supporter
-- (a hash of their network address and browser, not the address itself) per report.
ALTER TABLE reports ADD COLUMN support_count integer NOT NULL DEFAULT 0;
CREATE TABLE report_supports (
  report_id      bigint NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  supporter_hash text NOT NULL,
  created_at     timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (report_id, supporter_hash)
);

-- Duplicate search: same category, near, recent, still open.
CREATE INDEX reports_open_category_idx ON reports (category_code, created_at)
  WHERE status IN ('published', 'assigned', 'in_progress');
