import { Type } from '@fastify/type-provider-typebox';
import { isValidTile, type TileCoord } from '../../../tiles/src/index.ts';
import { appError } from '../http/error-catalogue.ts';

/** The {z}/{x}/{y} of every tile route. */
// x and y are below 2^z; checkTile holds them to their zoom, the schema to the deepest one.
const maxZoom = 24;
export const TileParams = Type.Object({
  z: Type.Integer({ minimum: 0, maximum: maxZoom }),
  x: Type.Integer({ minimum: 0, maximum: 2 ** maxZoom - 1 }),
  y: Type.Integer({ minimum: 0, maximum: 2 ** maxZoom - 1 }),
});

/** A tile outside the 2^z × 2^z grid is a client's mistake, not an empty tile. */
export function checkTile(tile: TileCoord): TileCoord {
  if (!isValidTile(tile)) {
    throw appError('INVALID_TILE', { z: tile.z, x: tile.x, y: tile.y });
  }
  return tile;
}
