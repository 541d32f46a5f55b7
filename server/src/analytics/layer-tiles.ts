import type { Geometry, Position } from 'geojson';
import { lonLatToMercator, polygonInTile, tileBounds3857, tileExtent, type TileCoord, type TileLayer } from '../../../tiles/src/index.ts';
import { raw, sql, type Sql } from '../db/database.ts';
import type { LayerResult } from './layer.ts';

// Vector tiles of a computed hot-spot layer. The statistic is computed once per parameter set
// and data version (cache.ts); a tile only cuts that result: the features whose bounding box
// meets the tile are picked here, and the database clips them to the tile with the same
// tile-space SQL as every other tile of the project (tiles/src/tile-space.ts), so hexagons and
// hulls line up with the report and boundary tiles on both encoders.

/** Tile buffer in tile units, as polygonInTile's default: outlines run on past the tile edge. */
const bufferUnits = 64;

type Box = { minX: number; minY: number; maxX: number; maxY: number };

function positions(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Point': return [geometry.coordinates];
    case 'MultiPoint': case 'LineString': return geometry.coordinates;
    case 'MultiLineString': case 'Polygon': return geometry.coordinates.flat();
    case 'MultiPolygon': return geometry.coordinates.flat(2);
    case 'GeometryCollection': return geometry.geometries.flatMap(positions);
  }
}

function mercatorBox(geometry: Geometry): Box {
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const p of positions(geometry)) {
    const [x, y] = lonLatToMercator(p[0], p[1]);
    box.minX = Math.min(box.minX, x); box.minY = Math.min(box.minY, y);
    box.maxX = Math.max(box.maxX, x); box.maxY = Math.max(box.maxY, y);
  }
  return box;
}

// Boxes are worked out once per computed result (the features array is shared by every copy
// of the cached result) and forgotten with it.
const boxesByResult = new WeakMap<object, Box[]>();

function boxesOf(result: LayerResult): Box[] {
  let boxes = boxesByResult.get(result.features);
  if (!boxes) boxesByResult.set(result.features, (boxes = result.features.map((f) => mercatorBox(f.geometry))));
  return boxes;
}

/**
 * MVT values are scalars: lists and objects (emerging `counts` and `bins`, DBSCAN
 * `category_counts`) travel as JSON text; nulls are left out, as ST_AsMVT does.
 */
export function tileProperties(properties: Record<string, unknown>): Record<string, string | number | boolean> {
  const scalar: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(properties)) {
    if (value === null || value === undefined) continue;
    scalar[key] = typeof value === 'object' ? JSON.stringify(value) : (value as string | number | boolean);
  }
  return scalar;
}

/**
 * The SQL type of each property, from its values: MVT keeps integers, doubles, text and
 * booleans apart, and a typed column is what both encoders read exactly (ST_AsMVT rounds a
 * jsonb number such as a p-value of 1e-19 to 0).
 */
function propertyColumns(rows: Record<string, string | number | boolean>[]): { definitions: Sql; names: Sql } {
  const kinds = new Map<string, Set<string>>();
  for (const row of rows) {
    for (const [key, value] of Object.entries(row)) {
      if (!/^[a-z][a-z0-9_]*$/.test(key) || key.startsWith('feature_')) throw new Error(`unsafe property name ${key}`);
      const kind = typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'double') : typeof value;
      if (!kinds.has(key)) kinds.set(key, new Set());
      kinds.get(key)!.add(kind);
    }
  }
  const typeOf = (k: Set<string>) =>
    k.size === 1 && k.has('boolean') ? 'boolean'
      : [...k].every((kind) => kind === 'integer') ? 'bigint'
        : [...k].every((kind) => kind === 'integer' || kind === 'double') ? 'double precision' : 'text';
  return {
    definitions: raw([...kinds].map(([key, k]) => `, "${key}" ${typeOf(k)}`).join('')),
    names: raw([...kinds.keys()].map((key) => `, "${key}"`).join('')),
  };
}

/** One MVT layer named `name` holding the result's features that meet the tile, clipped to it. */
export function resultTileLayer(name: string, result: LayerResult): TileLayer {
  return {
    name,
    query(tile: TileCoord) {
      const b = tileBounds3857(tile);
      const pad = (bufferUnits * b.size) / tileExtent;
      const boxes = boxesOf(result);
      const candidates = result.features.flatMap((f, index) =>
        boxes[index].maxX >= b.minX - pad && boxes[index].minX <= b.maxX + pad &&
        boxes[index].maxY >= b.minY - pad && boxes[index].minY <= b.maxY + pad
          ? [{ feature_index: index, feature_geometry: JSON.stringify(f.geometry), ...tileProperties(f.properties) }]
          : []);
      const columns = propertyColumns(candidates.map(({ feature_index: _i, feature_geometry: _g, ...properties }) => properties));
      return sql`
        SELECT geom ${columns.names}
        FROM (
          SELECT ${polygonInTile(sql`ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(f.feature_geometry), 4326), 3857)`, tile, bufferUnits)} AS geom,
                 f.*
          FROM jsonb_to_recordset(${JSON.stringify(candidates)}::jsonb) AS f (feature_index integer, feature_geometry text ${columns.definitions})
          ORDER BY f.feature_index
        ) AS clipped
        WHERE NOT ST_IsEmpty(geom)`;
    },
  };
}
