/** A tile in the XYZ scheme (x from the west, y from the north), Web Mercator. */
export interface TileCoord {
  z: number;
  x: number;
  y: number;
}

/** MVT units per tile side: the default of ST_AsMVT and of MapLibre. */
export const tileExtent = 4096;

/** Half the side of the EPSG:3857 world square, in metres. */
export const mercatorHalfWorld = 20037508.342789244;

export const maxTileZoom = 24;

export function isValidTile({ z, x, y }: TileCoord): boolean {
  const n = 2 ** z;
  return (
    Number.isInteger(z) && Number.isInteger(x) && Number.isInteger(y) &&
    z >= 0 && z <= maxTileZoom && x >= 0 && x < n && y >= 0 && y < n
  );
}

/** The tile's square in EPSG:3857 metres (the same square as PostGIS ST_TileEnvelope). */
export function tileBounds3857({ z, x, y }: TileCoord) {
  const size = (2 * mercatorHalfWorld) / 2 ** z;
  const minX = -mercatorHalfWorld + x * size;
  const maxY = mercatorHalfWorld - y * size;
  return { minX, minY: maxY - size, maxX: minX + size, maxY, size };
}

/** Earth radius of spherical Web Mercator (EPSG:3857), in metres. */
const mercatorRadius = 6378137;

/** A lon/lat (EPSG:4326) in EPSG:3857 metres, as PostGIS ST_Transform computes it. */
export function lonLatToMercator(lon: number, lat: number): [number, number] {
  return [
    (mercatorRadius * lon * Math.PI) / 180,
    mercatorRadius * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)),
  ];
}
