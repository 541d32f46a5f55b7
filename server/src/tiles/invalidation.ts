import { tilesContaining, type TileCache } from '../../../tiles/src/index.ts';
import type { Database } from '../db/database.ts';

/** Drops the cached report tiles that hold this point, at every zoom. */
export function dropReportTiles(cache: TileCache, lon: number, lat: number): void {
  cache.invalidate('reports', tilesContaining(lon, lat, 0, 24));
}

/**
 * Follows the database's `report_tiles` notifications (db/functions/notify_report_tiles.sql),
 * so that a change made through any server instance, or by a script, refreshes this instance's
 * cached tiles.
 * `beforeDrop` runs first (app.ts raises the read fence there: see db/replica.ts ReadFence).
 */
export function followReportChanges(db: Database, cache: TileCache, beforeDrop: () => void = () => undefined): Promise<() => Promise<void>> {
  return db.listen('report_tiles', (payload) => {
    const change = JSON.parse(payload) as { all?: boolean; points?: [number, number][] };
    beforeDrop();
    if (change.all) cache.dropSource('reports');
    for (const [lon, lat] of change.points ?? []) dropReportTiles(cache, lon, lat);
  });
}
