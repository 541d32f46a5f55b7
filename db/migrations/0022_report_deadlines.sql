-- Response deadlines: each category promises an answer within a number of working days, and each
-- report carries the deadline it was given (add_working_days, 0021) and when it was resolved.

-- 5 by default, as the national LAPOR! system (a party hotline in Tangerang promises 6).
ALTER TABLE categories
  ADD COLUMN response_working_days integer NOT NULL DEFAULT 5
    CHECK (response_working_days BETWEEN 1 AND 60);

-- Why each category gets its number of working days:
--   1  banjir, pohon_tumbang: a danger to people and traffic now; BPBD and DLH keep crews on
--      call, so a response by the end of the next working day is realistic and expected.
--   2  lalu_lintas: a dead traffic light or missing sign is a safety risk; Dishub field teams
--      repair most within days without procurement.
--   3  sampah, drainase, parkir_liar: routine field work by existing crews (collection rounds,
--      drain clearing, parking patrols), but scheduled rather than immediate.
--   5  lampu_jalan, pencemaran: a lamp needs a lift truck and parts; pollution needs a site
--      inspection, often with sampling (the LAPOR! default).
--   10 jalan_rusak, trotoar, fasum_rusak: repair needs material, a contractor or a work order
--      from a maintenance budget; 10 days covers patching, not reconstruction.
--   15 bangunan_liar: Satpol PP must serve written warnings before acting on a structure or
--      street vendor, each with a grace period.
-- Categories are created by the reference seed (server/src/reference) after the migrations on a
-- new database; this sets them where they already exist, and the seed carries the same values.
UPDATE categories SET response_working_days = CASE code
  WHEN 'banjir'        THEN 1
  WHEN 'pohon_tumbang' THEN 1
  WHEN 'lalu_lintas'   THEN 2
  WHEN 'sampah'        THEN 3
  WHEN 'drainase'      THEN 3
  WHEN 'parkir_liar'   THEN 3
  WHEN 'lampu_jalan'   THEN 5
  WHEN 'pencemaran'    THEN 5
  WHEN 'jalan_rusak'   THEN 10
  WHEN 'trotoar'       THEN 10
  WHEN 'fasum_rusak'   THEN 10
  WHEN 'bangunan_liar' THEN 15
  ELSE response_working_days
END;

ALTER TABLE reports
  -- NULL until the report is published; reports from before this migration keep NULL and stay
  -- out of the on-time figures rather than all turning overdue at once.
  ADD COLUMN due_at timestamptz,
  -- What due_at was counted from (the submission, or the reopening of a resolved report) and
  -- with how many working days: a holiday added later recounts the same promise, even if the
  -- category's number has changed since.
  ADD COLUMN due_counted_from timestamptz,
  ADD COLUMN due_working_days integer CHECK (due_working_days BETWEEN 1 AND 60),
  ADD CONSTRAINT reports_due_at_complete CHECK (
    (due_at IS NULL) = (due_counted_from IS NULL) AND (due_at IS NULL) = (due_working_days IS NULL));

-- Set when the report reaches 'resolved'; on time means resolved_at <= due_at. IF NOT EXISTS:
-- 0041 (lifecycle) added it ahead of this migration on databases that already ran 0041.
ALTER TABLE reports ADD COLUMN IF NOT EXISTS resolved_at timestamptz;

-- The escalation job and the recomputation after a holiday change read only unresolved reports
-- that have a deadline.
CREATE INDEX reports_unresolved_due_at_idx ON reports (due_at)
  WHERE resolved_at IS NULL AND due_at IS NOT NULL;

-- Who hears about a department's overdue reports (read by the escalation job).
ALTER TABLE departments
  ADD COLUMN supervisor_email text CHECK (supervisor_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$');
