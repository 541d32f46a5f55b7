-- Automatic screening before publication.
-- source_hash: a hash of where a report came from (network address, or SMS number), to see many
-- reports from one source in a short time without storing the address itself.
ALTER TABLE reports ADD COLUMN source_hash text;
ALTER TABLE reports ADD COLUMN moderation_flags jsonb;
CREATE INDEX reports_source_recent_idx ON reports (source_hash, created_at) WHERE source_hash IS NOT NULL;
-- The moderation queue: reports waiting for a moderator, oldest first.
CREATE INDEX reports_submitted_idx ON reports (created_at) WHERE status = 'submitted';
