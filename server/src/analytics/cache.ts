import { sql, type Queryable } from '../db/database.ts';

/**
 * What the analytics depend on, read from three index ends: the newest report, the latest
 * change to any report (reports_updated_at_idx, 0010) and the newest lifecycle event. A result
 * computed under one version stays valid until any of them moves.
 */
export async function dataVersion(db: Queryable): Promise<string> {
  const [row] = await db.query<{ version: string }>(sql`
    SELECT concat_ws('/', (SELECT max(id) FROM reports),
                          (SELECT extract(epoch FROM max(updated_at)) FROM reports),
                          (SELECT max(id) FROM report_events)) AS version`);
  return row.version;
}

/**
 * Results per parameter set, recomputed only when the data version changes. Identical requests
 * arriving together share one computation. Bounded: the oldest entries go first.
 */
export class AnalyticsCache {
  private readonly entries = new Map<string, { version: string; value: Promise<unknown> }>();
  /** How many times a result was computed rather than reused (for operators and tests). */
  computations = 0;

  constructor(private readonly maxEntries = 64) {}

  /** Whether a request for `key` now would be answered without a new computation (done or under way). */
  holds(key: string, version: string): boolean {
    return this.entries.get(key)?.version === version;
  }

  async get<T>(key: string, version: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value as Promise<T>;
    }
    this.computations++;
    const value = compute();
    this.entries.set(key, { version, value });
    // A failed computation is not remembered: the next request tries again.
    value.catch(() => this.entries.get(key)?.value === value && this.entries.delete(key));
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
    return value;
  }
}
