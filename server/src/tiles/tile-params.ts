import { Type } from '@fastify/type-provider-typebox';
import { isValidTile, type TileCoord } from '../../../tiles/src/index.ts';
import { AppError } from '../errors.ts';

/** The {z}/{x}/{y} of every tile route. */
export const TileParams = Type.Object({
  z: Type.Integer({ minimum: 0, maximum: 24 }),
  x: Type.Integer({ minimum: 0 }),
  y: Type.Integer({ minimum: 0 }),
});

/** A tile outside the 2^z × 2^z grid is a client's mistake, not an empty tile. */
export function checkTile(tile: TileCoord): TileCoord {
  if (!isValidTile(tile)) {
    throw new AppError(400, 'INVALID_TILE', {
      id: `Petak ${tile.z}/${tile.x}/${tile.y} tidak ada: x dan y harus kurang dari 2^z.`,
      en: `Tile ${tile.z}/${tile.x}/${tile.y} does not exist: x and y must be below 2^z.`,
    });
  }
  return tile;
}
