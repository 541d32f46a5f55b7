import { sql, type Queryable } from '../db/database.ts';
import type { SearchHit } from './schemas.ts';

/**
 * Names containing what was typed (compared by search_key, db/functions/search_key.sql): an
 * exact name first, then one starting with it, then the rest; among equals the kecamatan before
 * the kelurahan of the same name (it holds it), then streets and places, shorter names first.
 * A street is many OSM ways under one name, so base-map hits are grouped by name and kind, one
 * result per street per kelurahan: "Jalan Merdeka" in two kelurahan is two streets to a resident.
 */
export async function searchPlaces(db: Queryable, q: string, limit: number): Promise<SearchHit[]> {
  return db.query<SearchHit>(sql`
    WITH typed AS (SELECT search_key(${q}) AS key),
    boundary_hits AS (
      SELECT 'kelurahan' AS kind, NULL::text AS subtype, k.name, kec.name || ', ' || c.name AS context,
             k.label_point AS point, k.geom AS extent, 2 AS kind_rank
      FROM kelurahan k JOIN kecamatan kec ON kec.code = k.kecamatan_code JOIN cities c ON c.code = k.city_code
      CROSS JOIN typed WHERE strpos(search_key(k.name), typed.key) > 0
      UNION ALL
      SELECT 'kecamatan', NULL, kec.name, c.name, ST_PointOnSurface(kec.geom), kec.geom, 1
      FROM kecamatan kec JOIN cities c ON c.code = kec.city_code
      CROSS JOIN typed WHERE strpos(search_key(kec.name), typed.key) > 0
    ),
    -- The best-ranked names first, before any geometry work: "jalan" matches every street of
    -- the city, and only the few shown need placing.
    basemap_names AS (
      SELECT f.layer, f.kind, f.name, f.name_key
      FROM basemap_features f CROSS JOIN typed
      WHERE typed.key <> '' AND strpos(f.name_key, typed.key) > 0
      GROUP BY f.layer, f.kind, f.name, f.name_key, typed.key
      ORDER BY f.name_key = typed.key DESC, starts_with(f.name_key, typed.key) DESC,
               CASE f.layer WHEN 'road' THEN 3 WHEN 'place' THEN 4 WHEN 'poi' THEN 5 ELSE 6 END, length(f.name), f.name
      LIMIT ${limit}
    ),
    -- Each way is placed in the kelurahan under a point on it; ways of one name in one kelurahan
    -- become one result.
    basemap_placed AS (
      SELECT n.layer, n.kind, n.name, ST_Transform(f.geom, 4326) AS geom, k.name AS kelurahan_name, k.code AS kelurahan_code
      FROM basemap_names n
      JOIN basemap_features f ON f.layer = n.layer AND f.kind = n.kind AND f.name = n.name
      LEFT JOIN LATERAL (SELECT code, name FROM kelurahan k
                         WHERE ST_Intersects(k.geom, ST_Transform(ST_PointOnSurface(f.geom), 4326)) LIMIT 1) k ON true
    ),
    basemap_hits AS (
      SELECT layer AS kind, kind AS subtype, name, kelurahan_name AS context,
             ST_ClosestPoint(ST_Collect(geom), ST_Centroid(ST_Collect(geom))) AS point, ST_Collect(geom) AS extent,
             CASE layer WHEN 'road' THEN 3 WHEN 'place' THEN 4 WHEN 'poi' THEN 5 ELSE 6 END AS kind_rank
      FROM basemap_placed
      GROUP BY layer, kind, name, kelurahan_code, kelurahan_name
    ),
    hits AS (SELECT * FROM boundary_hits UNION ALL SELECT * FROM basemap_hits)
    SELECT kind, subtype, name, context,
           json_build_array(round(ST_X(point)::numeric, 6), round(ST_Y(point)::numeric, 6)) AS center,
           json_build_array(round(ST_XMin(extent)::numeric, 6), round(ST_YMin(extent)::numeric, 6),
                            round(ST_XMax(extent)::numeric, 6), round(ST_YMax(extent)::numeric, 6)) AS bbox
    FROM hits CROSS JOIN typed
    WHERE typed.key <> ''
    ORDER BY search_key(name) = typed.key DESC, starts_with(search_key(name), typed.key) DESC,
             kind_rank, length(name), name, context
    LIMIT ${limit}`);
}
