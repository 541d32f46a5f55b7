import { sql, type Queryable, type Sql } from '../db/database.ts';
import { appError } from '../http/error-catalogue.ts';
import { addEvent } from '../lifecycle/queries.ts';
import type { Staff } from '../staff/queries.ts';

/**
 * A private note on a report: an event of kind 'note' that is never public, so it sits in the
 * same append-only audit trail as the status changes it explains, and cannot be edited later.
 */
export async function addNote(tx: Queryable, staff: Staff, scope: Sql, code: string, text: string) {
  const [report] = await tx.query<{ id: number }>(sql`SELECT r.id FROM reports r WHERE r.code = ${code} AND ${scope}`);
  if (!report) throw appError('REPORT_NOT_FOUND', { code });
  const id = await addEvent(tx, {
    reportId: report.id, kind: 'note', actor: `staff:${staff.id}`, reason: text.trim(), isPublic: false,
  });
  const [{ at }] = await tx.query<{ at: string }>(sql`
    SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at FROM report_events WHERE id = ${id}`);
  return { id, at };
}
