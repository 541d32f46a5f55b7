import { raw, sql, type Sql } from '../db/database.ts';

/**
 * The statuses in which a report waits for the city: only these can be overdue. A report
 * awaiting moderation is not yet the city's, and a resolved, closed, rejected or merged one has
 * had its answer.
 */
export const waitingStatuses = ['published', 'assigned', 'in_progress'] as const;

/**
 * True for a report (`alias`, a table alias of reports) that is past its deadline and still
 * waiting for the city. One definition for the escalation job, the supervisors' digest, the
 * service view and the public page's mark. resolved_at IS NULL AND due_at IS NOT NULL is the
 * partial index reports_unresolved_due_at_idx.
 */
export function isOverdue(alias: string): Sql {
  const r = raw(alias);
  return sql`(${r}.resolved_at IS NULL AND ${r}.due_at < now() AND ${r}.status = ANY (${[...waitingStatuses]}))`;
}
