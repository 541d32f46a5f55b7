import { sql, type Queryable } from '../db/database.ts';

/** Reports still being handled; a decided report (resolved, closed, rejected, duplicate) stays where it was. */
export const openStatuses = ['submitted', 'published', 'assigned', 'in_progress'];

export interface ReroutedReport {
  report_id: number;
  code: string;
  lon: number;
  lat: number;
  old_department: string;
  new_department: string;
  /** The kelurahan desk a rule hands it to, before and after; null: the kelurahan it lies in. */
  old_handling_kelurahan: string | null;
  new_handling_kelurahan: string | null;
  rule: string;
  rule_id: number | null;
  event_id: number | null;
}

export interface RerouteResult {
  dry_run: boolean;
  count: number;
  reports: ReroutedReport[];
}

// Every open report whose department or kelurahan desk route_department
// (db/functions/route_department.sql) would now choose differently. The kelurahan part of each explanation is kept: only the
// department decision is re-run, with the kelurahan and kecamatan the report is already filed
// under.
const proposals = sql`
  SELECT r.id AS report_id, r.code, r.location, r.department_code AS old_department,
         d.department_code AS new_department, r.handling_kelurahan_code AS old_handling_kelurahan,
         d.handling_kelurahan_code AS new_handling_kelurahan, d.explanation
  FROM reports r
  CROSS JOIN LATERAL route_department(r.location, r.category_code, r.city_code, r.kecamatan_code, r.kelurahan_code) AS d
  WHERE r.status = ANY (${openStatuses})
    AND (d.department_code <> r.department_code OR d.handling_kelurahan_code IS DISTINCT FROM r.handling_kelurahan_code)`;

/**
 * Rules changing never moves a report by itself; this does, on request. A dry run lists the
 * reports that would move. Applying moves them all in one statement: the department and the
 * explanation's department part change (and with it the handling kelurahan, which is read from it), and each gets a public 'rerouted' event naming the old
 * and new department and why.
 */
export async function reroute(tx: Queryable, o: { dryRun: boolean; actor: string }): Promise<RerouteResult> {
  const rows = o.dryRun ? await dryRun(tx) : await apply(tx, o.actor);
  return { dry_run: o.dryRun, count: rows.length, reports: rows };
}

function dryRun(db: Queryable): Promise<ReroutedReport[]> {
  return db.query<ReroutedReport>(sql`
    SELECT p.report_id::int, p.code, ST_X(p.location) AS lon, ST_Y(p.location) AS lat,
           p.old_department, p.new_department, p.old_handling_kelurahan, p.new_handling_kelurahan,
           p.explanation ->> 'rule' AS rule,
           (p.explanation #>> '{matched_rule,id}')::int AS rule_id, NULL::int AS event_id
    FROM (${proposals}) AS p
    ORDER BY p.report_id`);
}

async function apply(tx: Queryable, actor: string): Promise<ReroutedReport[]> {
  // Lock the open reports first, so a status change or correction running meanwhile is either
  // before this (and seen) or waits; proposals then read the locked rows.
  await tx.query(sql`SELECT 1 FROM reports WHERE status = ANY (${openStatuses}) ORDER BY id FOR UPDATE`);
  return tx.query<ReroutedReport>(sql`
    WITH moved AS (
      UPDATE reports r SET
        department_code = p.new_department,
        routing_explanation = jsonb_set(r.routing_explanation, '{department}', p.explanation),
        updated_at = now()
      FROM (${proposals}) AS p
      WHERE r.id = p.report_id
      RETURNING r.id, p.code, p.location, p.old_department, p.new_department, p.old_handling_kelurahan,
                p.new_handling_kelurahan, p.explanation
    ),
    events AS (
      INSERT INTO report_events (report_id, kind, actor, old_value, new_value, is_public)
      SELECT m.id, 'rerouted', ${actor},
             jsonb_strip_nulls(jsonb_build_object('department', m.old_department, 'handling_kelurahan', m.old_handling_kelurahan)),
             jsonb_strip_nulls(jsonb_build_object('department', m.new_department, 'handling_kelurahan', m.new_handling_kelurahan,
                                                  'explanation', m.explanation)),
             true
      FROM moved m
      ORDER BY m.id
      RETURNING id, report_id
    )
    SELECT m.id::int AS report_id, m.code, ST_X(m.location) AS lon, ST_Y(m.location) AS lat,
           m.old_department, m.new_department, m.old_handling_kelurahan, m.new_handling_kelurahan,
           m.explanation ->> 'rule' AS rule,
           (m.explanation #>> '{matched_rule,id}')::int AS rule_id, e.id::int AS event_id
    FROM moved m
    JOIN events e ON e.report_id = m.id
    ORDER BY m.id`);
}
