import { join, sql, type Queryable } from '../db/database.ts';
import type { DemoPlan } from './plan.ts';
import { windowDays } from './profile.ts';
import { uniform } from './random.ts';

// Moves the routed, coded slots into reports in one INSERT … SELECT, with the row-by-row
// cluster-cell trigger switched off; the cells are then added in one grouped statement.

/**
 * Takes the write lock on reports: ALTER TABLE … DISABLE TRIGGER holds SHARE ROW EXCLUSIVE
 * until commit, so no submission can be inserted meanwhile and miss its cluster cells (or
 * take one of our tracking codes). Returns the highest existing id: ours are above it.
 */
export async function lockReports(tx: Queryable): Promise<number> {
  await tx.query(sql`ALTER TABLE reports DISABLE TRIGGER reports_cluster_cells_insert_delete`);
  // The statement trigger of db/functions/notify_report_tiles.sql would copy every inserted row
  // into a transition table only to say {"all": true}; notifyTiles says it once instead.
  await tx.query(sql`ALTER TABLE reports DISABLE TRIGGER reports_tiles_insert`);
  const [{ last }] = await tx.query<{ last: number }>(sql`SELECT COALESCE(max(id), 0)::bigint AS last FROM reports`);
  return last;
}

export async function insertReports(tx: Queryable, seed: number, now: Date, plan: DemoPlan): Promise<void> {
  const key = sql`r.slot`;
  const u = uniform(seed, key, 10);
  // The day: inverse of the category's seasonal distribution over the window's days
  // (width_bucket over its cumulative day weights, a constant array per season), else even.
  const day = sql`CASE ${join(
    plan.seasons.map((s) => sql`WHEN ds.category_code = ANY(${s.categories}::text[]) THEN width_bucket(${u}, ${s.dayThresholds}::float8[])`),
    ' ',
  )} ELSE floor(${u} * ${windowDays}) END`;
  await tx.query(sql`
    WITH drawn AS (
      SELECT r.*, d.code, ds.category_code,
             -- A day of the window, then a time between 06:00 and 22:00 WIB (the window starts
             -- at midnight WIB).
             ${plan.windowStart}::timestamptz
               + interval '1 day' * (${day} + 0.25 + ${uniform(seed, key, 11)} * 16 / 24.0) AS created_at,
             ${uniform(seed, key, 12)} AS u_status,
             ${uniform(seed, key, 13)} AS u_progress,
             ${uniform(seed, key, 14)} AS u_channel,
             ${uniform(seed, key, 15)} AS u_accuracy
      FROM demo_routed r
      JOIN demo_code d USING (slot)
      JOIN demo_slot ds USING (slot)
    ),
    aged AS (
      SELECT *,
             -- The older a report, the likelier it has been dealt with: 10% of this week's,
             -- 90% of those a year old or more.
             0.1 + 0.8 * least(1, extract(epoch FROM ${now}::timestamptz - created_at) / (365 * 86400)) AS done_share
      FROM drawn
    ),
    statused AS (
      SELECT *,
             CASE WHEN u_status < done_share * 0.45 THEN 'closed'
                  WHEN u_status < done_share THEN 'resolved'
                  WHEN u_status < done_share + (1 - done_share) * 0.4 THEN 'published'
                  WHEN u_status < done_share + (1 - done_share) * 0.7 THEN 'assigned'
                  ELSE 'in_progress' END AS status
      FROM aged
    )
    INSERT INTO reports (code, category_code, description, status, location, accuracy_m, channel,
                         city_code, kecamatan_code, kelurahan_code, department_code, routing_explanation,
                         is_synthetic, created_at, updated_at)
    SELECT x.code, x.category_code,
           '[data contoh] ' || cat.name_id || ' di Kelurahan ' || kel.name || ', Kecamatan ' || kec.name
             || '. Laporan contoh yang dibuat otomatis untuk memperagakan aplikasi, bukan laporan warga.',
           x.status, x.location,
           CASE WHEN x.u_channel < 0.82 THEN round(5 + 45 * x.u_accuracy ^ 2) END,
           CASE WHEN x.u_channel < 0.82 THEN 'web' WHEN x.u_channel < 0.89 THEN 'sms'
                WHEN x.u_channel < 0.95 THEN 'phone' ELSE 'walk_in' END,
           x.city_code, x.kecamatan_code, x.kelurahan_code, dep.department_code,
           -- The shape the API stores (routing-rules/route-report.ts).
           jsonb_build_object(
             'kelurahan', jsonb_build_object('code', x.kelurahan_code, 'rule', x.rule,
                                             'distance_m', x.distance_m, 'candidates', to_jsonb(x.candidates)),
             'department', dep.explanation),
           true, x.created_at,
           -- Last touched some days after submission; a report never touched is still 'published'.
           CASE WHEN x.status = 'published' THEN x.created_at
                ELSE least(${now}::timestamptz, x.created_at + interval '1 day' * (0.5 + 40 * x.u_progress)) END
    FROM statused x
    JOIN categories cat ON cat.code = x.category_code
    -- The same department rules as a submission (db/functions/route_department.sql).
    CROSS JOIN LATERAL route_department(x.location, x.category_code, x.city_code, x.kecamatan_code, x.kelurahan_code) AS dep
    JOIN kelurahan kel ON kel.code = x.kelurahan_code
    JOIN kecamatan kec ON kec.code = x.kecamatan_code
    ORDER BY x.slot`);
}

/** Tells every server instance to drop its cached report tiles (delivered at commit). */
export async function notifyTiles(tx: Queryable): Promise<void> {
  await tx.query(sql`SELECT pg_notify('report_tiles', '{"all":true}')`);
}

/** Each report's first public event, as a resident's submission, at the report's own time. */
export async function addSubmittedEvents(tx: Queryable, afterId: number): Promise<void> {
  await tx.query(sql`
    INSERT INTO report_events (report_id, kind, actor, new_value, is_public, created_at)
    SELECT id, 'submitted', 'resident', '{"status": "submitted"}'::jsonb, true, created_at
    FROM reports
    WHERE id > ${afterId}
    ORDER BY id`);
}
