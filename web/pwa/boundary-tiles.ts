import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { serviceAreaBounds } from '../src/map/service-area.ts';

// The zooms a phone sees the whole of both cities at, and a few steps in: enough to tell where
// one's kelurahan is with no connection. Deeper zooms are cached as they are seen.
const zooms = [8, 9, 10, 11, 12, 13];

function tileX(lon: number, z: number): number {
  return Math.floor(((lon + 180) / 360) * 2 ** z);
}

function tileY(lat: number, z: number): number {
  const rad = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z);
}

/**
 * The kelurahan tiles over the service area, for the service worker to store at install. Their
 * revision is a digest of the boundary files they are made from, so a new outline (and nothing
 * else) makes phones fetch them again.
 */
export function boundaryTileEntries(repoRoot: string): { url: string; revision: string }[] {
  const digest = createHash('sha256');
  for (const file of ['kota.geojson', 'kecamatan.geojson', 'kelurahan.geojson']) {
    digest.update(fs.readFileSync(path.join(repoRoot, 'data/boundaries', file)));
  }
  const revision = digest.digest('hex').slice(0, 16);
  const [west, south, east, north] = serviceAreaBounds;
  const entries: { url: string; revision: string }[] = [];
  for (const z of zooms) {
    for (let x = tileX(west, z); x <= tileX(east, z); x++) {
      for (let y = tileY(north, z); y <= tileY(south, z); y++) {
        entries.push({ url: `/tiles/kelurahan/${z}/${x}/${y}.mvt`, revision });
      }
    }
  }
  return entries;
}
