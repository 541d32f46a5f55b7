import { tilesContaining, type TileCache, type TileCoord } from '../../../tiles/src/index.ts';

/** From this zoom up a change drops the cached tiles that hold it at once. */
export const immediateFromZoom = 14;
/**
 * Below `immediateFromZoom`, how late a change may reach the cached tiles (the freshness
 * bound, README "How the map stays fast"). The few low-zoom tiles hold thousands of reports
 * each and are what every visitor loads first: dropped on every change, at a busy hour they
 * were rendered again for nearly every request. Their changes are gathered and applied
 * together at most once per 2 s, so a low-zoom tile is rendered at most once per 2 s however
 * many reports arrive, and shows a change at most 2 s (plus one render) after its commit.
 */
export const lowZoomFreshnessMs = 2000;

/**
 * Drops the cached report tiles that hold changed points: from `immediateFromZoom` up at once,
 * below it gathered per tile and dropped together once `intervalMs` after the first change
 * not yet applied. `beforeDrop` runs before each drop (app.ts raises the read fence there).
 */
export class ReportTileDrops {
  private readonly pendingLowZoom = new Map<string, TileCoord>();
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly cache: TileCache,
    private readonly beforeDrop: () => void = () => undefined,
    private readonly intervalMs = lowZoomFreshnessMs,
  ) {}

  dropAt(points: [number, number][]): void {
    if (points.length === 0) return;
    this.beforeDrop();
    for (const [lon, lat] of points) {
      this.cache.invalidate('reports', tilesContaining(lon, lat, immediateFromZoom, 24));
      for (const tile of tilesContaining(lon, lat, 0, immediateFromZoom - 1)) {
        this.pendingLowZoom.set(`${tile.z}/${tile.x}/${tile.y}`, tile);
      }
    }
    this.flushTimer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  /** Drops every cached report tile at once (a change too large to list, or one maybe missed). */
  dropAll(): void {
    this.cancelPending();
    this.beforeDrop();
    this.cache.dropSource('reports');
  }

  /** Applies the gathered low-zoom changes now. */
  flush(): void {
    const tiles = [...this.pendingLowZoom.values()];
    this.cancelPending();
    if (tiles.length === 0) return;
    this.beforeDrop();
    this.cache.invalidate('reports', tiles);
  }

  stop(): void {
    this.cancelPending();
  }

  private cancelPending(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.pendingLowZoom.clear();
  }
}
