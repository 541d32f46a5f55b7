import { sql, type Queryable } from '../db/database.ts';

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

/**
 * The reports of demo_life (lifecycle.ts) as a resident's submission and the desk's work would
 * have left them: routed, screened, with the deadline of deadlines/due-at.ts.
 */
export async function insertReports(tx: Queryable): Promise<void> {
  await tx.query(sql`
    INSERT INTO reports (code, category_code, description, status, location, accuracy_m, channel,
                         city_code, kecamatan_code, kelurahan_code, department_code, routing_explanation,
                         moderation_flags, due_at, due_counted_from, due_working_days, resolved_at, outcome_at,
                         is_synthetic, created_at, updated_at)
    SELECT x.code, x.category_code,
           '[data contoh] ' || cat.name_id || ' di Kelurahan ' || kel.name || ', Kecamatan ' || kec.name
             || '. Laporan contoh yang dibuat otomatis untuk memperagakan aplikasi, bukan laporan warga.',
           x.status, p.location,
           CASE WHEN x.channel = 'web' THEN round(5 + 45 * x.u_accuracy ^ 2) END,
           x.channel, p.city_code, p.kecamatan_code, p.kelurahan_code, dep.department_code,
           -- The shape the API stores (routing-rules/route-report.ts).
           jsonb_build_object(
             'kelurahan', jsonb_build_object('code', p.kelurahan_code, 'rule', p.rule,
                                             'distance_m', p.distance_m, 'candidates', to_jsonb(p.candidates)),
             'department', dep.explanation),
           x.moderation_flags,
           due.due_at, CASE WHEN due.due_at IS NOT NULL THEN x.due_counted_from END,
           CASE WHEN due.due_at IS NOT NULL THEN x.working_days END,
           CASE WHEN x.status IN ('resolved', 'closed') THEN COALESCE(x.again_resolved_at, x.resolved_at) END,
           x.outcome_at,
           true, x.created_at,
           greatest(x.created_at, x.published_at, x.assigned_at, x.in_progress_at, x.resolved_at, x.outcome_at, x.closed_at,
                    x.reopened_at, x.again_in_progress_at, x.again_resolved_at,
                    CASE WHEN x.status = 'rejected' THEN x.decided_at END)
    FROM demo_life x
    JOIN demo_routed p USING (slot)
    JOIN categories cat ON cat.code = x.category_code
    JOIN kelurahan kel ON kel.code = p.kelurahan_code
    JOIN kecamatan kec ON kec.code = p.kecamatan_code
    -- The same department rules as a submission (db/functions/route_department.sql).
    CROSS JOIN LATERAL route_department(p.location, x.category_code, p.city_code, p.kecamatan_code, p.kelurahan_code) AS dep
    LEFT JOIN LATERAL working_day_deadline(x.due_counted_from, x.working_days) AS due ON true
    ORDER BY x.slot`);
}

/** Tells every server instance to drop its cached report tiles (delivered at commit). */
export async function notifyTiles(tx: Queryable): Promise<void> {
  await tx.query(sql`SELECT pg_notify('report_tiles', '{"all":true}')`);
}
