-- Outcomes other than a fix: the report belongs to another agency and was referred to it ("no
-- wrong door": a national road goes to its national road authority), it cannot be fixed, or it
-- needs no action. Each is a final answer with a public explanation (the event's reason); the
-- agency's name or the reason why it cannot be fixed is kept in the event's new_value.

ALTER TABLE reports DROP CONSTRAINT reports_status_check;
ALTER TABLE reports ADD CONSTRAINT reports_status_check CHECK (status IN (
  'submitted', 'published', 'rejected', 'assigned', 'in_progress',
  'resolved', 'closed', 'duplicate',
  'referred', 'cannot_fix', 'no_action_needed'));

-- When one of those outcomes was given. It ends the deadline clock like resolved_at does, but
-- is kept apart from it: the on-time figures count these reports as their own kind, neither
-- resolved on time nor open (server/src/deadlines/on-time.ts).
ALTER TABLE reports ADD COLUMN outcome_at timestamptz;
