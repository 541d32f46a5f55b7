import { randomUUID } from 'node:crypto';
import type { TileCache } from '../../../tiles/src/index.ts';
import { sql, type Database, type Queryable } from '../db/database.ts';
import { ReportTileDrops } from './report-tile-drops.ts';

export interface ReportChangeFollower {
  /**
   * Inside a write transaction, just before COMMIT: adds a marker after the transaction's own
   * tile notifications (notify_report_tiles, db/functions). Returns the marker.
   */
  markTransaction(tx: Queryable): Promise<string>;
  /**
   * After COMMIT: resolves once this instance has applied every tile notification of the
   * marked transaction (PostgreSQL delivers one transaction's notifications in order), so the
   * answer to a write is never followed by a stale tile from this instance from zoom 14 up, nor
   * by one more than `lowZoomFreshnessMs` stale below. Gives up after
   * `ms`, when the notification was lost with the LISTEN connection.
   */
  settled(marker: string, ms?: number): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Follows the database's `report_tiles` notifications, so that a change made through any
 * server instance, a script or psql refreshes this instance's cached tiles (the trigger is in
 * db/functions/notify_report_tiles.sql): at once from zoom 14, within `lowZoomFreshnessMs`
 * below (ReportTileDrops). `beforeDrop` runs before each drop (app.ts raises the read fence
 * there: see db/replica.ts ReadFence). When the LISTEN
 * connection was lost and is back, every cached report tile is dropped: it may have missed
 * a notification meanwhile.
 */
export async function followReportChanges(
  db: Database, cache: TileCache, beforeDrop: () => void = () => undefined,
): Promise<ReportChangeFollower> {
  const drops = new ReportTileDrops(cache, beforeDrop);
  // Markers of this instance's transactions: waited for, or seen before anyone waited. Other
  // instances' markers are ignored; a marker whose transaction never committed is pruned.
  const issued = new Map<string, number>();
  const waiting = new Map<string, () => void>();
  const seen = new Set<string>();
  const stop = await db.listen('report_tiles', (payload) => {
    const change = JSON.parse(payload) as { all?: boolean; points?: [number, number][]; settled?: string };
    if (change.settled) {
      const release = waiting.get(change.settled);
      if (release) release();
      else if (issued.has(change.settled)) seen.add(change.settled);
      return;
    }
    if (change.all) drops.dropAll();
    else drops.dropAt(change.points ?? []);
  }, {
    // Changes notified while the connection was down are lost: any cached tile may be stale.
    // Writes waiting for their own notification need not wait any longer either.
    onResumed() {
      drops.dropAll();
      for (const release of [...waiting.values()]) release();
    },
  });
  return {
    async markTransaction(tx) {
      const marker = randomUUID();
      const now = Date.now();
      for (const [old, at] of issued) {
        if (now - at < 60_000) break;
        issued.delete(old);
        seen.delete(old);
      }
      issued.set(marker, now);
      await tx.query(sql`SELECT pg_notify('report_tiles', ${JSON.stringify({ settled: marker })})`);
      return marker;
    },
    settled(marker, ms = 250) {
      issued.delete(marker);
      if (seen.delete(marker)) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          waiting.delete(marker);
          resolve();
        }
        waiting.set(marker, done);
      });
    },
    async stop() {
      drops.stop();
      await stop();
    },
  };
}
