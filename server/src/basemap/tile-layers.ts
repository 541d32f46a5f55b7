import { raw, sql, type Queryable, type Sql } from '../db/database.ts';
import {
  intersectsTile, lineInTile, pointInTile, polygonInTile, tileBounds3857, type TileCoord, type TileLayer,
} from '../../../tiles/src/index.ts';

// The base map's tile layers (layer names: roads, waterways, water, pois, places). Each zoom gets
// what a resident can read at it: main roads and rivers from the city view, residential streets
// from the kelurahan view (13), alleys, drains, markets, schools and mosques from the street view.

const lit = (n: number) => raw(String(n));

// A point belongs to the one tile that holds it (half-open bounds), so no label repeats.
function pointIsInTile(geom: Sql, tile: TileCoord): Sql {
  const b = tileBounds3857(tile);
  return sql`${intersectsTile(geom, tile)}
    AND ST_X(${geom}) >= ${lit(b.minX)} AND ST_X(${geom}) < ${lit(b.maxX)}
    AND ST_Y(${geom}) > ${lit(b.minY)} AND ST_Y(${geom}) <= ${lit(b.maxY)}`;
}

/** Road classes drawn at a zoom: major roads always, residential streets from 13, paths from 15. */
function roadKinds(z: number): string[] {
  return z >= 15 ? ['major', 'minor', 'path'] : z >= 13 ? ['major', 'minor'] : ['major'];
}

function waterwayKinds(z: number): string[] {
  return z >= 14 ? ['river', 'canal', 'drain'] : z >= 12 ? ['river', 'canal'] : ['river'];
}

function placeKinds(z: number): string[] {
  return z >= 14 ? ['city', 'town', 'suburb', 'village', 'quarter', 'neighbourhood', 'hamlet'] : ['city', 'town', 'suburb', 'village'];
}

const roads: TileLayer = {
  name: 'roads',
  query: (tile) => sql`
    SELECT * FROM (
      SELECT ${lineInTile(sql`geom`, tile)} AS geom, kind, name
      FROM basemap_features
      WHERE layer = 'road' AND kind = ANY (${roadKinds(tile.z)}) AND ${intersectsTile(sql`geom`, tile, 64)}
      ORDER BY id
    ) AS clipped
    WHERE NOT ST_IsEmpty(geom)`,
};

const waterways: TileLayer = {
  name: 'waterways',
  query: (tile) => sql`
    SELECT * FROM (
      SELECT ${lineInTile(sql`geom`, tile)} AS geom, kind, name
      FROM basemap_features
      WHERE layer = 'waterway' AND kind = ANY (${waterwayKinds(tile.z)}) AND ${intersectsTile(sql`geom`, tile, 64)}
      ORDER BY id
    ) AS clipped
    WHERE NOT ST_IsEmpty(geom)`,
};

const water: TileLayer = {
  name: 'water',
  query: (tile) => sql`
    SELECT * FROM (
      SELECT ${polygonInTile(sql`geom`, tile)} AS geom, name
      FROM basemap_features
      WHERE layer = 'water' AND ${intersectsTile(sql`geom`, tile, 64)}
      ORDER BY id
    ) AS clipped
    WHERE NOT ST_IsEmpty(geom)`,
};

const pois: TileLayer = {
  name: 'pois',
  query: (tile) => sql`
    SELECT ${pointInTile(sql`geom`, tile)} AS geom, kind, name
    FROM basemap_features
    WHERE layer = 'poi' AND ${lit(tile.z)} >= 14 AND ${pointIsInTile(sql`geom`, tile)}
    ORDER BY id`,
};

const places: TileLayer = {
  name: 'places',
  query: (tile) => sql`
    SELECT ${pointInTile(sql`geom`, tile)} AS geom, kind, name
    FROM basemap_features
    WHERE layer = 'place' AND name IS NOT NULL AND kind = ANY (${placeKinds(tile.z)}) AND ${pointIsInTile(sql`geom`, tile)}
    ORDER BY id`,
};

export const basemapLayers: TileLayer[] = [water, waterways, roads, places, pois];

/** The import the tiles show: part of their cache key, so a new import is never served stale. */
export async function currentBasemapImport(db: Queryable): Promise<number> {
  const [row] = await db.query<{ id: number | null }>(sql`SELECT max(id) AS id FROM basemap_imports`);
  return row?.id ?? 0;
}
