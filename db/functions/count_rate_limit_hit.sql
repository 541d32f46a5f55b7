-- Counts one request against a rate-limit counter (table rate_limit_hits, migration 0082) in
-- fixed windows of `window_ms`, like @fastify/rate-limit's own stores: a window that has ended
-- starts again at 1; the row lock orders concurrent server instances. Answers the count so far
-- and the milliseconds left in the window. Used by the plugin's store
-- (server/src/rate-limit/store.ts) and by count_public_write.
CREATE OR REPLACE FUNCTION count_rate_limit_hit(counter_key text, window_ms integer)
RETURNS TABLE (current integer, ttl integer) LANGUAGE sql VOLATILE AS $$
  INSERT INTO rate_limit_hits AS r (key, hits, window_ends_at)
  VALUES (counter_key, 1, clock_timestamp() + window_ms * interval '1 millisecond')
  ON CONFLICT (key) DO UPDATE SET
    hits = CASE WHEN r.window_ends_at <= clock_timestamp() THEN 1 ELSE r.hits + 1 END,
    window_ends_at = CASE WHEN r.window_ends_at <= clock_timestamp() THEN EXCLUDED.window_ends_at
                          ELSE r.window_ends_at END
  RETURNING r.hits, GREATEST(0, ceil(extract(epoch FROM r.window_ends_at - clock_timestamp()) * 1000))::int
$$;
