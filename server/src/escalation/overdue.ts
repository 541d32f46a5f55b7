import { sql, type Queryable } from '../db/database.ts';
import { isOverdue } from '../deadlines/overdue.ts';
import { deskKelurahan } from '../staff/scope.ts';

export interface Escalation {
  reportId: number;
  eventId: number;
  /** The report's department or kelurahan desk has a supervisor to tell (supervisor_email). */
  hasSupervisor: boolean;
}

/**
 * Records a private 'escalated' event on each report past its deadline and still waiting for the
 * city, once per deadline: the unique index report_events_escalated_once_idx (migration 0030)
 * makes a second runner's insert do nothing, even when both run at the same moment. Returns the
 * reports escalated now.
 */
export async function escalateOverdue(tx: Queryable): Promise<Escalation[]> {
  return tx.query<Escalation>(sql`
    WITH overdue AS (
      SELECT r.id, r.department_code, r.kelurahan_code,
             -- UTC text, the form the unique index compares (as deadlines/recompute.ts writes it)
             to_char(r.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS due_at
      FROM reports r
      WHERE ${isOverdue('r')}
        -- Demo reports are invented: no supervisor is to be told about them.
        AND NOT r.is_synthetic
    ),
    escalated AS (
      INSERT INTO report_events (report_id, kind, actor, new_value, is_public)
      SELECT o.id, 'escalated', 'system',
             jsonb_build_object('due_at', o.due_at, 'department', o.department_code), false
      FROM overdue o
      -- Skips, without touching the index, the reports escalated on an earlier run.
      WHERE NOT EXISTS (
        SELECT 1 FROM report_events e
        WHERE e.report_id = o.id AND e.kind = 'escalated' AND e.new_value->>'due_at' = o.due_at)
      -- The same order in every runner: two racing runners wait for each other, never deadlock.
      ORDER BY o.id
      ON CONFLICT DO NOTHING
      RETURNING id, report_id, new_value->>'department' AS department_code
    )
    SELECT e.report_id AS "reportId", e.id AS "eventId",
           (d.supervisor_email IS NOT NULL OR k.supervisor_email IS NOT NULL) AS "hasSupervisor"
    FROM escalated e
    JOIN departments d ON d.code = e.department_code
    JOIN reports r ON r.id = e.report_id
    -- The kelurahan desk that handles it: a routing rule may hand a report to another kelurahan's
    -- desk than the one it lies in (reports.handling_kelurahan_code, migration 0105).
    JOIN kelurahan k ON k.code = ${deskKelurahan('r')}
    ORDER BY e.report_id`);
}
