import { sql, type Queryable } from '../db/database.ts';
import { statusesWithoutDeadline } from './due-at.ts';

export interface Recomputation {
  /** Who changed the calendar: a staff account, or 'system'. */
  actor: string;
  /** Shown on the public timeline of every report whose deadline moves. */
  reason: string;
}

/**
 * After the holidays table changed: counts the deadline of every unresolved report again, with
 * the working days it was given, and records a public 'deadline_changed' event (old and new
 * due_at) on each report whose deadline moved, in the same statement. Never done by a trigger,
 * so a calendar change cannot move residents' deadlines without leaving a trace. Returns how
 * many reports moved. Run it in the transaction that changed the holidays.
 */
export async function recomputeOpenDeadlines(tx: Queryable, change: Recomputation): Promise<number> {
  const rows = await tx.query<{ report_id: number }>(sql`
    WITH recounted AS (
      -- The set form of add_working_days: joins, not a function call per report.
      SELECT r.id, r.due_at AS old_due_at, recount.due_at AS new_due_at
      FROM reports r
      CROSS JOIN LATERAL working_day_deadline(r.due_counted_from, r.due_working_days) AS recount
      WHERE r.due_at IS NOT NULL
        AND r.resolved_at IS NULL
        AND r.outcome_at IS NULL -- answered otherwise (referred, …): its deadline is history
        AND r.status <> ALL(${[...statusesWithoutDeadline]})
    ),
    moved AS (
      UPDATE reports r
      SET due_at = recounted.new_due_at, updated_at = now()
      FROM recounted
      WHERE r.id = recounted.id AND recounted.new_due_at <> recounted.old_due_at
      RETURNING r.id, recounted.old_due_at, recounted.new_due_at
    )
    INSERT INTO report_events (report_id, kind, actor, old_value, new_value, reason, is_public)
    SELECT id, 'deadline_changed', ${change.actor},
           jsonb_build_object('due_at', to_char(old_due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
           jsonb_build_object('due_at', to_char(new_due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
           ${change.reason}, true
    FROM moved
    ORDER BY id
    RETURNING report_id`);
  return rows.length;
}
