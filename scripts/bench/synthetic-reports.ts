import { sql, type Database } from '../../server/src/db/database.ts';

/**
 * Loads `count` synthetic reports in one set-based INSERT … SELECT, for benchmarks only.
 *
 * Points come from ST_GeneratePoints inside each kelurahan, as many per kelurahan as its share
 * of the cities' area, so the pattern is uniform over the study area and each point already
 * belongs to the kelurahan it was drawn in (no per-row route_kelurahan call: at a million rows
 * that alone would take minutes). The seed makes the pattern repeatable.
 *
 * The per-row cluster-cell trigger (db/functions/report_cluster_cells_sync.sql) is disabled for
 * the load: maintaining seven cell rows per report would multiply the load time, and the
 * benchmark does not read the cells. The cells of this scratch database are therefore left
 * stale on purpose; do not serve tiles from it.
 */
export async function loadSyntheticReports(db: Database, count: number, seed: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(sql`ALTER TABLE reports DISABLE TRIGGER reports_cluster_cells_insert_delete`);
    await tx.query(sql`
      WITH shares AS (
        SELECT k.code, k.kecamatan_code, k.city_code, k.geom,
               -- area share of the study area (degrees², all at one latitude), rounded on the
               -- running total so that the shares add up to exactly count
               (round(${count}::numeric * sum(ST_Area(k.geom)) OVER (ORDER BY k.code) / total.area)
                - round(${count}::numeric * (sum(ST_Area(k.geom)) OVER (ORDER BY k.code) - ST_Area(k.geom)) / total.area))::int AS n
        FROM kelurahan k, (SELECT sum(ST_Area(geom))::numeric AS area FROM kelurahan) AS total
      ),
      categories_in_order AS (
        SELECT array_agg(code ORDER BY sort_order, code) AS codes FROM categories
      ),
      points AS (
        SELECT s.code AS kelurahan_code, s.kecamatan_code, s.city_code, d.geom,
               row_number() OVER () AS n
        FROM shares s
        CROSS JOIN LATERAL ST_Dump(ST_GeneratePoints(s.geom, s.n, ${seed})) AS d
        WHERE s.n > 0
      )
      INSERT INTO reports (code, category_code, description, status, location, city_code,
                           kecamatan_code, kelurahan_code, department_code, routing_explanation,
                           is_synthetic, created_at, updated_at)
      SELECT 'BNC-' || p.n, c.code, 'Laporan sintetis untuk benchmark', 'published', p.geom,
             p.city_code, p.kecamatan_code, p.kelurahan_code, d.code, '{"rule":"synthetic"}',
             true, t.at, t.at
      FROM points p
      CROSS JOIN categories_in_order o
      -- a deterministic spread of categories and of times over the last 365 days
      CROSS JOIN LATERAL (SELECT o.codes[1 + (p.n * 7919) % cardinality(o.codes)] AS code) AS c
      CROSS JOIN LATERAL (SELECT now() - ((p.n * 104729) % 31536000) * interval '1 second' AS at) AS t
      JOIN categories cat ON cat.code = c.code
      JOIN departments d ON d.city_code = p.city_code AND d.kind = cat.department_kind`);
    await tx.query(sql`ALTER TABLE reports ENABLE TRIGGER reports_cluster_cells_insert_delete`);
  });
  await db.exec('ANALYZE reports');
}
