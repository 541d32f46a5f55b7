import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { lonLatToMercator, mercatorHalfWorld, type TileCoord } from './tile-coord.ts';

export interface CachedTile {
  body: Buffer;
  gzipped: Buffer;
  /** Strong validator: a digest of the uncompressed bytes. */
  etag: string;
}

// A buffer of exactly these bytes with its own memory. The renderer's bytes are a view into
// the driver's receive buffer and gzipSync returns a slice of a 16 kB output chunk; small
// buffers from Buffer.from share 8 kB pool slabs. Kept in the cache as they are, a 200-byte
// tile pins 8–16 kB that the cache's byte count never sees: with tens of thousands of small
// high-zoom tiles the server held several hundred MB more than the 64 MB bound.
function ownBytes(bytes: Buffer): Buffer {
  const own = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(own);
  return own;
}

export function cachedTile(body: Buffer): CachedTile {
  return {
    body: ownBytes(body),
    gzipped: ownBytes(gzipSync(body)),
    etag: `"${createHash('sha1').update(body).digest('base64url')}"`,
  };
}

const tileKey = (source: string, { z, x, y }: TileCoord) => `${source}/${z}/${x}/${y}`;

/**
 * A render of one tile under way. `overtaken` once that tile (or its whole source) is
 * invalidated after the render began: its bytes may predate the change, so they are not kept.
 */
export interface RenderTicket {
  readonly base: string;
  overtaken: boolean;
}

interface Entry {
  tile: CachedTile;
  /** `moves` when this entry was last put at the young end of `entries`. */
  movedAt: number;
}

/**
 * Rendered tiles, least recently used first out, bounded in bytes. Each entry is one tile of
 * one source with one filter; `invalidate` drops every filter variant of the given tiles, so a
 * changed report refreshes exactly the tiles that contain it.
 *
 * Recency is the insertion order of a Map, oldest first. A hit does not move its entry every
 * time: deleting and re-adding a key in a Map of tens of thousands of entries makes V8 rebuild
 * the table every few operations (about 60 µs a hit at 20,000 tiles, a quarter of the cached
 * throughput). An entry moves to the young end only once it has aged past the youngest quarter,
 * so a hot tile is never near the eviction end and a hit is a plain lookup.
 */
export class TileCache {
  private readonly entries = new Map<string, Entry>();
  private readonly variantsByTile = new Map<string, Set<string>>();
  private bytes = 0;
  /** Counts puts at the young end (sets and moves): an entry's age in positions. */
  private moves = 0;
  /**
   * Renders under way by tile. A render that began before an invalidation of its tile read the
   * data before the change; stored afterwards it would keep the old tile until the next change.
   * Tracked per tile, not by one counter for the whole cache: under a steady stream of reports
   * every render that took longer than the gap between two changes anywhere was thrown away,
   * and the busiest tiles were never cached.
   */
  private readonly rendersUnderWay = new Map<string, Set<RenderTicket>>();

  constructor(private readonly maxBytes = 64 * 1024 * 1024) {}

  get(source: string, tile: TileCoord, variant: string): CachedTile | undefined {
    const key = `${tileKey(source, tile)}?${variant}`;
    const hit = this.entries.get(key);
    if (hit && this.moves - hit.movedAt > this.entries.size / 4) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      hit.movedAt = ++this.moves;
    }
    return hit?.tile;
  }

  set(source: string, tile: TileCoord, variant: string, entry: CachedTile): void {
    this.setByKey(tileKey(source, tile), variant, entry);
  }

  private setByKey(base: string, variant: string, entry: CachedTile): void {
    const key = `${base}?${variant}`;
    this.remove(key);
    this.entries.set(key, { tile: entry, movedAt: ++this.moves });
    this.bytes += entry.body.length + entry.gzipped.length;
    let variants = this.variantsByTile.get(base);
    if (!variants) this.variantsByTile.set(base, (variants = new Set()));
    variants.add(key);
    for (const oldest of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest);
    }
  }

  /** Call as a render of this tile begins, before it reads anything; then `finishRender`. */
  beginRender(source: string, tile: TileCoord): RenderTicket {
    const ticket: RenderTicket = { base: tileKey(source, tile), overtaken: false };
    let tickets = this.rendersUnderWay.get(ticket.base);
    if (!tickets) this.rendersUnderWay.set(ticket.base, (tickets = new Set()));
    tickets.add(ticket);
    return ticket;
  }

  /** Ends a render; keeps its tile (if it has one) unless an invalidation overtook it. */
  finishRender(ticket: RenderTicket, variant?: string, rendered?: CachedTile): void {
    const tickets = this.rendersUnderWay.get(ticket.base);
    tickets?.delete(ticket);
    if (tickets?.size === 0) this.rendersUnderWay.delete(ticket.base);
    if (rendered && variant !== undefined && !ticket.overtaken) this.setByKey(ticket.base, variant, rendered);
  }

  invalidate(source: string, tiles: TileCoord[]): void {
    for (const tile of tiles) {
      const base = tileKey(source, tile);
      for (const ticket of this.rendersUnderWay.get(base) ?? []) ticket.overtaken = true;
      for (const key of this.variantsByTile.get(base) ?? []) this.remove(key);
      this.variantsByTile.delete(base);
    }
  }

  /** Drops every cached tile of one source (after a change too large to list). */
  dropSource(source: string): void {
    for (const [base, tickets] of this.rendersUnderWay) {
      if (base.startsWith(`${source}/`)) for (const ticket of tickets) ticket.overtaken = true;
    }
    for (const key of [...this.entries.keys()]) if (key.startsWith(`${source}/`)) this.remove(key);
  }

  clear(): void {
    for (const tickets of this.rendersUnderWay.values()) for (const ticket of tickets) ticket.overtaken = true;
    this.entries.clear();
    this.variantsByTile.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.tile.body.length + entry.tile.gzipped.length;
    const base = key.slice(0, key.indexOf('?'));
    this.variantsByTile.get(base)?.delete(key);
  }
}

/** The tile containing a lon/lat at each zoom from minZoom to maxZoom. */
export function tilesContaining(lon: number, lat: number, minZoom: number, maxZoom: number): TileCoord[] {
  const tiles: TileCoord[] = [];
  const [mx, my] = lonLatToMercator(lon, lat);
  // Fractions of the world square, x from the west and y from the north.
  const fx = (mx + mercatorHalfWorld) / (2 * mercatorHalfWorld);
  const fy = (mercatorHalfWorld - my) / (2 * mercatorHalfWorld);
  for (let z = minZoom; z <= maxZoom; z++) {
    const n = 2 ** z;
    tiles.push({
      z,
      x: Math.min(n - 1, Math.max(0, Math.floor(fx * n))),
      y: Math.min(n - 1, Math.max(0, Math.floor(fy * n))),
    });
  }
  return tiles;
}
