import { AnalyticsCache, dataVersion } from '../analytics/cache.ts';
import type { ReadContext } from './collection.ts';

// numberMatched and the extent of reports, kept per data version (analytics/cache.ts: it moves
// whenever any report changes). Over a million reports each is a scan of 0.1–0.3 s (measured on
// PostgreSQL 15 with 1,000,000 points: the extent 290 ms, the public count 165 ms), and a
// client paging through every report asks for numberMatched on every page.
const caches = new WeakMap<object, AnalyticsCache>();

export async function summarised<T>(read: ReadContext, key: unknown, compute: () => Promise<T>): Promise<T> {
  let cache = caches.get(read.app);
  if (!cache) caches.set(read.app, (cache = new AnalyticsCache(256)));
  return cache.get(JSON.stringify(key), await dataVersion(read.db), compute);
}
