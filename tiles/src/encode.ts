import vtpbf from 'vt-pbf';
import type { Geometry, Position } from 'geojson';
import { tileExtent } from './tile-coord.ts';

/** One feature as the tile SQL returns it: tile-space geometry and flat properties. */
export interface TileFeatureRow {
  geometry: Geometry;
  properties: Record<string, unknown>;
  id?: number;
}

type Point = { x: number; y: number };

function toPoints(ring: Position[]): Point[] {
  return ring.map(([x, y]) => ({ x, y }));
}

// MVT geometry types (spec 4.3.4): 1 point, 2 line, 3 polygon. A polygon's rings are written
// exterior first, then its holes, one polygon after another.
function mvtGeometry(geometry: Geometry): { type: 1 | 2 | 3; rings: Point[][] } | null {
  switch (geometry.type) {
    case 'Point':
      return { type: 1, rings: [toPoints([geometry.coordinates])] };
    case 'MultiPoint':
      return { type: 1, rings: [toPoints(geometry.coordinates)] };
    case 'LineString':
      return { type: 2, rings: [toPoints(geometry.coordinates)] };
    case 'MultiLineString':
      return { type: 2, rings: geometry.coordinates.map(toPoints) };
    case 'Polygon':
      return { type: 3, rings: geometry.coordinates.map(toPoints) };
    case 'MultiPolygon':
      return { type: 3, rings: geometry.coordinates.flatMap((polygon) => polygon.map(toPoints)) };
    default:
      return null;
  }
}

// The property values ST_AsMVT writes: it expands a jsonb column into its keys, and leaves out
// nulls. Done the same way here so both encoders produce the same features.
function flattenProperties(properties: Record<string, unknown>): Record<string, string | number | boolean> {
  const flat: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'object' && !Array.isArray(value)) {
      Object.assign(flat, flattenProperties(value as Record<string, unknown>));
    } else {
      flat[key] = value as string | number | boolean;
    }
  }
  return flat;
}

/**
 * Encodes one MVT layer in JavaScript: the fallback for databases without ST_AsMVT.
 * Geometries are already in tile units (see tile-space.ts); nothing is clipped or moved here.
 */
export function encodeLayer(name: string, rows: TileFeatureRow[]): Uint8Array {
  const features = rows.flatMap((row) => {
    const g = mvtGeometry(row.geometry);
    if (!g || g.rings.length === 0) return [];
    return [{
      id: row.id,
      type: g.type,
      properties: flattenProperties(row.properties),
      loadGeometry: () => g.rings,
    }];
  });
  if (features.length === 0) return new Uint8Array(0);
  const layer = {
    name,
    version: 2,
    extent: tileExtent,
    length: features.length,
    feature: (i: number) => features[i],
  };
  return vtpbf.fromVectorTileJs({ layers: { [name]: layer } } as never);
}
