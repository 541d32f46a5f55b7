import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql, type Queryable } from '../db/database.ts';

/** What the plugin passes to a store: its settings and, for a route's store, the route. */
interface StoreOptions {
  continueExceeding?: boolean;
  exponentialBackoff?: boolean;
  routeInfo?: { method?: string | string[]; url?: string };
}

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** Every this many counted requests, one instance sweeps the counters whose window has ended. */
const sweepEvery = 200;
let counted = 0;

/**
 * Called once per counted request (by the store and by public-writes.ts): every `sweepEvery`th
 * time, removes the counters whose window ended over a minute ago, without waiting for it.
 * Its own statement, so that the sweep never holds a counter's lock while waiting for another.
 */
export function sweepRateLimitCountersNowAndThen(db: Queryable, log: (message: string) => void): void {
  if (++counted % sweepEvery !== 0) return;
  db.query(sql`DELETE FROM rate_limit_hits WHERE window_ends_at < clock_timestamp() - interval '1 minute'`)
    .catch((error: Error) => log(`rate-limit counters not swept: ${error.message}`));
}

/**
 * A @fastify/rate-limit store in PostgreSQL (table rate_limit_hits, migration 0082), so that
 * N server instances behind a load balancer share one count per client and route instead of
 * each allowing the limit. Fixed windows, like the library's own stores; one upsert per request
 * (count_rate_limit_hit, db/functions).
 */
export function postgresRateLimitStore(db: Queryable, log: (message: string) => void): FastifyRateLimitStoreCtor {
  class PostgresRateLimitStore implements FastifyRateLimitStore {
    /** Route of the counters ('' for the plugin-wide store), so routes do not share a count. */
    private readonly scope: string;

    constructor(options: StoreOptions) {
      if (options.continueExceeding || options.exponentialBackoff) {
        throw new Error('the PostgreSQL rate-limit store counts fixed windows only');
      }
      this.scope = options.routeInfo?.url ? `${options.routeInfo.method} ${options.routeInfo.url}` : '';
    }

    incr(client: string, callback: Callback, timeWindowMs: number): void {
      db.query<{ current: number; ttl: number }>(sql`
        SELECT current, ttl FROM count_rate_limit_hit(${`${this.scope}|${client}`}, ${timeWindowMs}::integer)`)
        .then(([row]) => callback(null, row), (error: Error) => callback(error));
      sweepRateLimitCountersNowAndThen(db, log);
    }

    read(client: string, callback: Callback): void {
      db.query<{ current: number; ttl: number }>(sql`
        SELECT hits AS current, ceil(extract(epoch FROM window_ends_at - clock_timestamp()) * 1000)::int AS ttl
        FROM rate_limit_hits
        WHERE key = ${`${this.scope}|${client}`} AND window_ends_at > clock_timestamp()`)
        .then(([row]) => callback(null, row ?? { current: 0, ttl: 0 }), (error: Error) => callback(error));
    }

    // The plugin passes the route's merged settings with the route under routeInfo (its
    // index.js), not the bare route its typings declare.
    child(routeOptions: object): FastifyRateLimitStore {
      return new PostgresRateLimitStore(routeOptions as StoreOptions);
    }
  }
  return PostgresRateLimitStore;
}
