-- Holds an Idempotency-Key until the transaction ends, so that requests with the same key run
-- one after the other (an advisory lock on the key's 64-bit hash; a collision only serialises
-- two requests), then answers the report an earlier request with this key created, if any:
-- the second of two requests sent at once sees the first's report once it committed.
-- server/src/reports/idempotency.ts; submit_report.sql records the key with the new report.
--
-- plpgsql and VOLATILE: the lookup must take its snapshot after the lock is granted.
CREATE OR REPLACE FUNCTION lock_idempotency_key(idempotency_key text)
RETURNS TABLE (code text, status text, request_hash text, resident_token text)
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(idempotency_key, 0));
  RETURN QUERY
    SELECT r.code, r.status, k.request_hash, k.resident_token
    FROM idempotency_keys k JOIN reports r ON r.id = k.report_id
    WHERE k.key = idempotency_key;
END $$;
