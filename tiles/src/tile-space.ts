import sql, { raw, type Sql } from 'sql-template-tag';
import { tileBounds3857, tileExtent, type TileCoord } from './tile-coord.ts';

// SQL that turns EPSG:3857 geometries into MVT tile space (integer units, origin at the top
// left, y down). It replaces ST_AsMVTGeom, which the embedded PostGIS lacks, so that both
// databases compute identical tile geometries and only the final encoding differs.

/** Numbers inlined as SQL literals: computed here from integers, never user text. */
function literal(n: number): Sql {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  return raw(String(n));
}

/** `geom && <tile square grown by buffer units>`: an index-friendly prefilter in EPSG:3857. */
export function intersectsTile(geom3857: Sql, tile: TileCoord, bufferUnits = 0): Sql {
  const b = tileBounds3857(tile);
  const pad = (bufferUnits * b.size) / tileExtent;
  return sql`${geom3857} && ST_MakeEnvelope(${literal(b.minX - pad)}, ${literal(b.minY - pad)},
                                             ${literal(b.maxX + pad)}, ${literal(b.maxY + pad)}, 3857)`;
}

/** Affine map from EPSG:3857 metres to tile units (y flipped: tile y grows southwards). */
function toTileUnits(geom3857: Sql, tile: TileCoord): Sql {
  const b = tileBounds3857(tile);
  const scale = tileExtent / b.size;
  return sql`ST_Affine(${geom3857}, ${literal(scale)}, 0, 0, ${literal(-scale)},
                       ${literal(-b.minX * scale)}, ${literal(b.maxY * scale)})`;
}

/** A point in tile units, rounded to whole units as MVT stores them. */
export function pointInTile(geom3857: Sql, tile: TileCoord): Sql {
  return sql`ST_SnapToGrid(${toTileUnits(geom3857, tile)}, 1)`;
}

/** Tile-space x and y of a point given as EPSG:3857 coordinates (e.g. a cluster's centre). */
export function pointInTileFromXY(x3857: Sql, y3857: Sql, tile: TileCoord): Sql {
  return pointInTile(sql`ST_SetSRID(ST_MakePoint(${x3857}, ${y3857}), 3857)`, tile);
}

/**
 * A polygon clipped to the tile (plus a buffer, so that outlines don't show seams at tile
 * edges), simplified to one tile unit, rounded to whole units by ST_ReducePrecision (which,
 * unlike ST_SnapToGrid, keeps it valid and adds no fractional intersection points), and with exterior
 * rings counter-clockwise in tile units: the MVT 2.1 spec (4.3.4.4) requires a positive
 * surveyor's-formula area for exterior rings, which with y pointing down is what PostGIS calls
 * counter-clockwise. May be empty: filter with NOT ST_IsEmpty.
 */
export function polygonInTile(geom3857: Sql, tile: TileCoord, bufferUnits = 64): Sql {
  const b = tileBounds3857(tile);
  const pad = (bufferUnits * b.size) / tileExtent;
  const clipped = sql`ST_ClipByBox2D(${geom3857}, ST_MakeEnvelope(${literal(b.minX - pad)}, ${literal(b.minY - pad)},
                                                                 ${literal(b.maxX + pad)}, ${literal(b.maxY + pad)}, 3857))`;
  return sql`ST_ForcePolygonCCW(ST_CollectionExtract(ST_ReducePrecision(
    ST_MakeValid(ST_Simplify(${toTileUnits(clipped, tile)}, 1, true)), 1), 3))`;
}

/**
 * A line clipped to the tile plus a buffer (so that a road's casing has no gap at tile edges),
 * simplified to one tile unit and snapped to whole units; ST_SnapToGrid drops parts that
 * collapse to a point, so a road shorter than a unit disappears rather than becoming a dot.
 * May be empty: filter with NOT ST_IsEmpty.
 */
export function lineInTile(geom3857: Sql, tile: TileCoord, bufferUnits = 64): Sql {
  const b = tileBounds3857(tile);
  const pad = (bufferUnits * b.size) / tileExtent;
  const clipped = sql`ST_ClipByBox2D(${geom3857}, ST_MakeEnvelope(${literal(b.minX - pad)}, ${literal(b.minY - pad)},
                                                                 ${literal(b.maxX + pad)}, ${literal(b.maxY + pad)}, 3857))`;
  return sql`ST_CollectionExtract(ST_SnapToGrid(ST_Simplify(${toTileUnits(clipped, tile)}, 1, true), 1), 2)`;
}
