-- Counts one public write (a report, a +1, a reopening; server/src/rate-limit/public-writes.ts)
-- against its device's counter and then its network address's, in one statement: one round
-- trip and one commit per write instead of two. A device already over `device_limit` is not
-- added to its address's count (address_hits null): one phone flooding does not get the others
-- behind its carrier's address refused.
CREATE OR REPLACE FUNCTION count_public_write(device_key text, address_key text, device_limit integer, window_ms integer)
RETURNS TABLE (device_hits integer, device_ttl integer, address_hits integer, address_ttl integer)
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  SELECT d.current, d.ttl INTO device_hits, device_ttl FROM count_rate_limit_hit(device_key, window_ms) AS d;
  IF device_hits <= device_limit THEN
    SELECT a.current, a.ttl INTO address_hits, address_ttl FROM count_rate_limit_hit(address_key, window_ms) AS a;
  END IF;
  RETURN NEXT;
END $$;
