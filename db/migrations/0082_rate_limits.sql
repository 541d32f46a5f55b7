-- Request counters of @fastify/rate-limit, shared by every server instance (server/src/scale/
-- rate-limit-store.ts): one row per client and route, counting requests in a fixed window.
-- UNLOGGED: counters are worthless after a crash and must not cost WAL or reach replicas.
CREATE UNLOGGED TABLE rate_limit_hits (
  key text PRIMARY KEY,
  hits integer NOT NULL,
  window_ends_at timestamptz NOT NULL
);

-- Sweeping expired counters.
CREATE INDEX rate_limit_hits_window_ends_at ON rate_limit_hits (window_ends_at);
