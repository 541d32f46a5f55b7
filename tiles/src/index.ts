export { TileCache, cachedTile, tilesContaining, type CachedTile } from './cache.ts';
export { encodeLayer, type TileFeatureRow } from './encode.ts';
export { cachedOrRendered, TileRenderError, type ServedTile, type TileReadPath, type TileSpec } from './render-once.ts';
export { renderTile, type Encoder, type TileLayer, type TileQueryable } from './render.ts';
export { isValidTile, lonLatToMercator, maxTileZoom, mercatorHalfWorld, tileBounds3857, tileExtent, type TileCoord } from './tile-coord.ts';
export { intersectsTile, lineInTile, pointInTile, pointInTileFromXY, polygonInTile } from './tile-space.ts';
