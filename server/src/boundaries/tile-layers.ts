import { raw, sql } from '../db/database.ts';
import { pointInTile, polygonInTile, tileBounds3857, type TileCoord, type TileLayer } from '../../../tiles/src/index.ts';

// Boundaries are few (20 kecamatan, 158 kelurahan) and never change while the server runs,
// so they are transformed per request and the tiles are cached for good.

function envelope4326(tile: TileCoord) {
  const b = tileBounds3857(tile);
  const pad = b.size / 16;
  return sql`ST_Transform(ST_MakeEnvelope(${raw(String(b.minX - pad))}, ${raw(String(b.minY - pad))},
                                          ${raw(String(b.maxX + pad))}, ${raw(String(b.maxY + pad))}, 3857), 4326)`;
}

// A label point belongs to the one tile that holds it (half-open bounds), so no label repeats.
function inTile(point3857: ReturnType<typeof sql>, tile: TileCoord) {
  const b = tileBounds3857(tile);
  return sql`ST_X(${point3857}) >= ${raw(String(b.minX))} AND ST_X(${point3857}) < ${raw(String(b.maxX))}
         AND ST_Y(${point3857}) > ${raw(String(b.minY))} AND ST_Y(${point3857}) <= ${raw(String(b.maxY))}`;
}

const kecamatanPolygons: TileLayer = {
  name: 'kecamatan',
  query: (tile) => sql`
    SELECT * FROM (
      SELECT ${polygonInTile(sql`ST_Transform(geom, 3857)`, tile)} AS geom, code, name, city_code
      FROM kecamatan WHERE geom && ${envelope4326(tile)}
    ) AS clipped
    WHERE NOT ST_IsEmpty(geom) ORDER BY code`,
};

const kelurahanPolygons: TileLayer = {
  name: 'kelurahan',
  query: (tile) => sql`
    SELECT * FROM (
      SELECT ${polygonInTile(sql`ST_Transform(k.geom, 3857)`, tile)} AS geom, k.code, k.name,
             k.kecamatan_code, kec.name AS kecamatan_name, k.city_code
      FROM kelurahan k JOIN kecamatan kec ON kec.code = k.kecamatan_code
      WHERE k.geom && ${envelope4326(tile)}
    ) AS clipped
    WHERE NOT ST_IsEmpty(geom) ORDER BY code`,
};

const kelurahanLabels: TileLayer = {
  name: 'kelurahan_label',
  query: (tile) => sql`
    SELECT ${pointInTile(sql`p`, tile)} AS geom, code, name
    FROM (SELECT code, name, ST_Transform(label_point, 3857) AS p FROM kelurahan) AS labels
    WHERE ${inTile(sql`p`, tile)} ORDER BY code`,
};

const kecamatanLabels: TileLayer = {
  name: 'kecamatan_label',
  query: (tile) => sql`
    SELECT ${pointInTile(sql`p`, tile)} AS geom, code, name
    FROM (SELECT code, name, ST_Transform(ST_PointOnSurface(geom), 3857) AS p FROM kecamatan) AS labels
    WHERE ${inTile(sql`p`, tile)} ORDER BY code`,
};

export const boundaryLayers: TileLayer[] = [kecamatanPolygons, kelurahanPolygons, kecamatanLabels, kelurahanLabels];
