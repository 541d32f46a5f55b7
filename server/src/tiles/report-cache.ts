import { TileCache, type TileCoord } from '../../../tiles/src/index.ts';

/**
 * The tile cache, counting invalidations. A render that began before an invalidation read the
 * database before the change; storing it afterwards would keep the old tile until the next
 * change, so serve.ts stores a render only when no invalidation happened while it ran.
 */
export class InvalidationCountingCache extends TileCache {
  generation = 0;

  override invalidate(source: string, tiles: TileCoord[]): void {
    this.generation++;
    super.invalidate(source, tiles);
  }

  override dropSource(source: string): void {
    this.generation++;
    super.dropSource(source);
  }

  override clear(): void {
    this.generation++;
    super.clear();
  }
}
