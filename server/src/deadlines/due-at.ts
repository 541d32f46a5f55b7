import { sql, type Queryable } from '../db/database.ts';

/**
 * Statuses whose reports are out of the deadline figures altogether: a rejected or duplicate
 * report was never the department's to answer. Every other report with a due_at is either
 * resolved (resolved_at set) or still open, whatever its status says.
 */
export const statusesWithoutDeadline = ['rejected', 'duplicate'] as const;

/**
 * The end of the `days`-th working day after the WIB day of `start` (the rule is written out
 * in db/functions/working_day_deadline.sql and in README.md beside this file); null when
 * days < 1 or the deadline would fall after 2100.
 */
export async function addWorkingDays(db: Queryable, start: Date, days: number): Promise<Date | null> {
  const [row] = await db.query<{ due_at: Date | null }>(sql`
    SELECT add_working_days(${start}::timestamptz, ${days}::integer) AS due_at`);
  return row.due_at;
}

/**
 * Gives a report its deadline, its category's working days counted from its submission
 * (created_at), when a moderator publishes it: the resident's wait starts when they report. A
 * report published at once gets the same deadline as it is stored (db/functions/submit_report.sql).
 * When a resolved report is reopened, the count starts again from 'now'. Returns the deadline.
 */
export async function assignDueAt(
  tx: Queryable,
  reportId: number,
  countFrom: 'submission' | 'now' = 'submission',
): Promise<Date> {
  const [row] = await tx.query<{ due_at: Date }>(sql`
    WITH start AS (
      SELECT r.id, CASE WHEN ${countFrom} = 'now' THEN now() ELSE r.created_at END AS counted_from,
             c.response_working_days AS days
      FROM reports r JOIN categories c ON c.code = r.category_code
      WHERE r.id = ${reportId}
    )
    UPDATE reports r
    SET due_at = add_working_days(start.counted_from, start.days),
        due_counted_from = start.counted_from,
        due_working_days = start.days
    FROM start
    WHERE r.id = start.id
    RETURNING r.due_at`);
  if (!row) throw new Error(`report ${reportId} does not exist`);
  return row.due_at;
}
