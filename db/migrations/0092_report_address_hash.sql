-- Burst screening by device and by network address apart (server/src/moderation/decide.ts):
-- source_hash now names the device (its X-Device-Id, else address and browser) or SMS number;
-- address_hash the network address, whose limit is far higher because a carrier puts many
-- phones behind one. Both are hashes; the address itself is never stored.
ALTER TABLE reports ADD COLUMN address_hash text;
CREATE INDEX reports_address_recent_idx ON reports (address_hash, created_at) WHERE address_hash IS NOT NULL;
