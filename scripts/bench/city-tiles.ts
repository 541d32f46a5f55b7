import { sql, type Queryable } from '../../server/src/db/database.ts';
import type { TileCoord } from '../../tiles/src/index.ts';

/**
 * Every tile at zoom z whose square touches either city (not merely their bounding box), in
 * row order. `limit` keeps an evenly spaced subset, for trial runs; 0 keeps all.
 */
export async function cityTiles(db: Queryable, z: number, limit = 0): Promise<TileCoord[]> {
  // Tile indices from Web Mercator metres: the world is 2^z tiles of 2·20037508.34 m.
  const rows = await db.query<{ x: number; y: number }>(sql`
    WITH city AS (SELECT ST_Transform(ST_Union(geom), 3857) AS geom FROM cities),
         span AS (
           SELECT floor((ST_XMin(geom) + 20037508.342789244) / (40075016.68557849 / 2 ^ ${z}))::int AS x0,
                  floor((ST_XMax(geom) + 20037508.342789244) / (40075016.68557849 / 2 ^ ${z}))::int AS x1,
                  floor((20037508.342789244 - ST_YMax(geom)) / (40075016.68557849 / 2 ^ ${z}))::int AS y0,
                  floor((20037508.342789244 - ST_YMin(geom)) / (40075016.68557849 / 2 ^ ${z}))::int AS y1
           FROM city)
    SELECT x, y
    FROM span, city,
         generate_series(x0, x1) AS x, generate_series(y0, y1) AS y
    WHERE ST_Intersects(ST_TileEnvelope(${z}, x, y), city.geom)
    ORDER BY y, x`);
  const tiles = rows.map((r) => ({ z, x: r.x, y: r.y }));
  if (!limit || tiles.length <= limit) return tiles;
  const step = tiles.length / limit;
  return Array.from({ length: limit }, (_, i) => tiles[Math.floor(i * step)]);
}
