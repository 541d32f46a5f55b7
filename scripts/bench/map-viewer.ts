import type { TileCoord } from '../../tiles/src/index.ts';

/** A small seeded generator (mulberry32): the same seed gives every phase the same visitors. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CityBounds { west: number; south: number; east: number; north: number }

// A laptop's map: 1280 × 800 CSS pixels of 512-pixel vector tiles, as MapLibre draws them.
const viewportTiles = { wide: 1280 / 512, high: 800 / 512 };
const minZoom = 10;
const maxZoom = 16;

/** Fractional tile coordinates of a lon/lat at zoom z (Web Mercator, x east, y south). */
function tileSpace(lon: number, lat: number, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const sin = Math.sin((lat * Math.PI) / 180);
  return { x: ((lon + 180) / 360) * n, y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * n };
}

/**
 * One person on the public map: opens it somewhere in the city at z10–z12, then pans by part of
 * a screen, zooms in or out a level (z10–z16), now and then jumps elsewhere (a search, a shared
 * link).
 * Each view asks for the tiles it shows that this visitor has not loaded yet, nearest the
 * centre first, as MapLibre does; tiles already loaded come from MapLibre's own cache.
 */
export class MapViewer {
  private z = 11;
  /** Centre in tile coordinates of zoom `z`. */
  private x = 0;
  private y = 0;
  private loaded = new Set<string>();

  constructor(private readonly city: CityBounds, private readonly random: () => number) {
    this.jump();
  }

  /** The tiles of the next view: after the first, one pan, zoom or jump. */
  nextView(): TileCoord[] {
    if (this.loaded.size > 0) this.move();
    const halfWide = viewportTiles.wide / 2, halfHigh = viewportTiles.high / 2;
    const tiles: (TileCoord & { distance: number })[] = [];
    for (let tx = Math.floor(this.x - halfWide); tx <= Math.floor(this.x + halfWide); tx++) {
      for (let ty = Math.floor(this.y - halfHigh); ty <= Math.floor(this.y + halfHigh); ty++) {
        const key = `${this.z}/${tx}/${ty}`;
        if (this.loaded.has(key)) continue;
        this.loaded.add(key);
        tiles.push({ z: this.z, x: tx, y: ty, distance: Math.hypot(tx + 0.5 - this.x, ty + 0.5 - this.y) });
      }
    }
    return tiles.sort((a, b) => a.distance - b.distance).map(({ z, x, y }) => ({ z, x, y }));
  }

  private move(): void {
    // More zooming in than out: people come to look at their own street, so after the first
    // views most requests are at z12–z15.
    const roll = this.random();
    if (roll < 0.03) this.jump();
    else if (roll < 0.53) this.pan();
    else if (roll < 0.83 && this.z < maxZoom) this.zoomTo(this.z + 1);
    else if (this.z > minZoom) this.zoomTo(this.z - 1);
    else this.pan();
  }

  private jump(): void {
    const lon = this.city.west + this.random() * (this.city.east - this.city.west);
    const lat = this.city.south + this.random() * (this.city.north - this.city.south);
    this.z = 10 + Math.floor(this.random() * 3);
    ({ x: this.x, y: this.y } = tileSpace(lon, lat, this.z));
    this.loaded.clear();
  }

  /** A drag of a third to two thirds of the screen in any direction. */
  private pan(): void {
    const angle = this.random() * 2 * Math.PI;
    const share = 1 / 3 + this.random() / 3;
    this.x += Math.cos(angle) * share * viewportTiles.wide;
    this.y += Math.sin(angle) * share * viewportTiles.high;
    this.keepOverCity();
  }

  /** People look at their city: a pan stops at its edge. */
  private keepOverCity(): void {
    const northWest = tileSpace(this.city.west, this.city.north, this.z);
    const southEast = tileSpace(this.city.east, this.city.south, this.z);
    this.x = Math.min(southEast.x, Math.max(northWest.x, this.x));
    this.y = Math.min(southEast.y, Math.max(northWest.y, this.y));
  }

  /** A zoom about a point near the centre (a double-click or a wheel turn over the map). */
  private zoomTo(z: number): void {
    const scale = 2 ** (z - this.z);
    this.x = (this.x + (this.random() - 0.5) * 0.5) * scale;
    this.y = (this.y + (this.random() - 0.5) * 0.5) * scale;
    this.z = z;
    this.keepOverCity();
  }
}
