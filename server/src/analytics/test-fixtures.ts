import { sql, type Queryable, type Sql } from '../db/database.ts';


/**
 * Inserts one published report per row of `points` (a query yielding `geom` in EPSG:4326,
 * `category` and `created_at`), routed like real reports where route_kelurahan
 * places them and otherwise given to a fixed Kota Tangerang kelurahan (the statistics read
 * only the point, city and category).
 */
export async function insertReports(db: Queryable, points: Sql): Promise<void> {
  await db.query(sql`
    INSERT INTO reports (code, category_code, description, status, location, city_code, kecamatan_code,
                         kelurahan_code, department_code, routing_explanation, created_at, updated_at)
    SELECT 'TST-' || substr(md5(random()::text), 1, 10), p.category, 'uji', 'published', p.geom,
           coalesce(routed.city_code, fallback.city_code), coalesce(routed.kecamatan_code, fallback.kecamatan_code),
           coalesce(routed.kelurahan_code, fallback.code), d.code, '{}', p.created_at, p.created_at
    FROM (${points}) AS p
    LEFT JOIN LATERAL route_kelurahan(p.geom) AS routed ON true
    CROSS JOIN (SELECT code, kecamatan_code, city_code FROM kelurahan WHERE city_code = '36.71' ORDER BY code LIMIT 1) AS fallback
    JOIN categories c ON c.code = p.category
    JOIN departments d ON d.city_code = coalesce(routed.city_code, fallback.city_code) AND d.kind = c.department_kind`);
}
