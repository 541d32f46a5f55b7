import { sql, type Queryable, type Sql } from '../db/database.ts';
import { statusesWithoutDeadline } from './due-at.ts';

export type OnTimeGroup = 'department' | 'kelurahan';

export interface OnTimeRow {
  code: string;
  name: string;
  city_code: string;
  reports_with_deadline: number;
  resolved_on_time: number;
  resolved_late: number;
  open_overdue: number;
  open_not_yet_due: number;
  /** Answered otherwise than by a fix: their own kind, neither resolved nor open. */
  referred: number;
  cannot_fix: number;
  no_action_needed: number;
  /** resolved_on_time / (resolved_on_time + resolved_late + open_overdue); null when that is 0. */
  on_time_rate: number | null;
}

// What a row of each grouping is; the key is chosen from this fixed map, never from the request.
const groups: Record<OnTimeGroup, { table: Sql; reportColumn: Sql }> = {
  department: { table: sql`departments`, reportColumn: sql`department_code` },
  kelurahan: { table: sql`kelurahan`, reportColumn: sql`kelurahan_code` },
};

/**
 * How punctually reports submitted between `since` and `until` (WIB days, both included) were
 * answered, per department or kelurahan, as of `asOf` (overdue: due before it). Every
 * department or kelurahan is listed, also those without reports. Reports without a deadline
 * (older than the feature) and rejected or duplicate reports are left out. A report counts as resolved only once resolved_at is set:
 * closing it without resolving leaves it open, so it cannot leave the figures by being closed.
 * Reports still open and not yet due are undecided, so the rate leaves them out. Reports referred
 * to another agency, found impossible to fix or found to need no action (outcome_at set) are
 * counted as their own kind and left out of the rate: neither a fix on time nor a late one,
 * nor still open.
 */
export async function onTimeRates(
  db: Queryable,
  q: { group: OnTimeGroup; since: string; until: string; asOf: Date },
): Promise<OnTimeRow[]> {
  const g = groups[q.group];
  return db.query<OnTimeRow>(sql`
    WITH counted AS (
      SELECT ${g.reportColumn} AS code,
             count(*) AS reports_with_deadline,
             count(*) FILTER (WHERE resolved_at <= due_at) AS resolved_on_time,
             count(*) FILTER (WHERE resolved_at > due_at) AS resolved_late,
             count(*) FILTER (WHERE resolved_at IS NULL AND outcome_at IS NULL AND due_at < ${q.asOf}::timestamptz) AS open_overdue,
             count(*) FILTER (WHERE resolved_at IS NULL AND outcome_at IS NULL AND due_at >= ${q.asOf}::timestamptz) AS open_not_yet_due,
             count(*) FILTER (WHERE outcome_at IS NOT NULL AND status = 'referred') AS referred,
             count(*) FILTER (WHERE outcome_at IS NOT NULL AND status = 'cannot_fix') AS cannot_fix,
             count(*) FILTER (WHERE outcome_at IS NOT NULL AND status = 'no_action_needed') AS no_action_needed
      FROM reports
      WHERE due_at IS NOT NULL
        AND status <> ALL(${[...statusesWithoutDeadline]})
        -- WIB days: from the first day's midnight to the midnight after the last day
        AND created_at >= ${q.since}::date::timestamp AT TIME ZONE 'Asia/Jakarta'
        AND created_at < (${q.until}::date + 1)::timestamp AT TIME ZONE 'Asia/Jakarta'
      GROUP BY 1
    )
    SELECT g.code, g.name, g.city_code,
           COALESCE(c.reports_with_deadline, 0) AS reports_with_deadline,
           COALESCE(c.resolved_on_time, 0) AS resolved_on_time,
           COALESCE(c.resolved_late, 0) AS resolved_late,
           COALESCE(c.open_overdue, 0) AS open_overdue,
           COALESCE(c.open_not_yet_due, 0) AS open_not_yet_due,
           COALESCE(c.referred, 0) AS referred,
           COALESCE(c.cannot_fix, 0) AS cannot_fix,
           COALESCE(c.no_action_needed, 0) AS no_action_needed,
           round(c.resolved_on_time::numeric
                 / NULLIF(c.resolved_on_time + c.resolved_late + c.open_overdue, 0), 4) AS on_time_rate
    FROM ${g.table} g
    LEFT JOIN counted c ON c.code = g.code
    ORDER BY g.code`);
}
