import type { Queryable } from '../db/database.ts';
import { assignDueAt } from '../deadlines/due-at.ts';
import { AppError } from '../errors.ts';
import type { Staff } from '../staff/queries.ts';
import { reportScope } from '../staff/scope.ts';
import { addEvent, duplicatesOf, lockReport, setStatus } from './queries.ts';
import { checkTransition, type Status } from './transitions.ts';

export const reportNotFound = (code: string) =>
  new AppError(404, 'REPORT_NOT_FOUND', { id: `Laporan ${code} tidak ditemukan.`, en: `Report ${code} was not found.` });

export interface StatusChange {
  code: string;
  to: Status;
  /** Why (rejection): told to the reporter. */
  reason?: string;
  /** The city's public answer (resolution): shown on the report's page. */
  response?: string;
}

/**
 * A staff member moves a report to another status: checked against the lifecycle, within the
 * staff member's scope (another desk's report is "not found", not "forbidden", so its existence
 * is not revealed), audited, and passed on to the reports merged into it.
 */
export async function changeStatus(tx: Queryable, staff: Staff, change: StatusChange): Promise<{ reportId: number }> {
  const report = await lockReport(tx, change.code, reportScope(staff));
  if (!report) throw reportNotFound(change.code);
  const transition = checkTransition(report.status, change.to, staff.role);
  const note = transition.needs === 'response' ? change.response : change.reason;
  if (transition.needs && !note?.trim()) {
    throw new AppError(
      400,
      transition.needs === 'response' ? 'RESPONSE_REQUIRED' : 'REASON_REQUIRED',
      transition.needs === 'response'
        ? { id: 'Tuliskan tanggapan untuk warga.', en: 'Write a response for the resident.' }
        : { id: 'Tuliskan alasannya; warga akan menerimanya.', en: 'Give the reason; the resident will receive it.' },
    );
  }
  await setStatus(tx, report.id, change.to);
  // Published after moderation: the deadline still counts from the submission.
  if (change.to === 'published') await assignDueAt(tx, report.id);
  const actor = `staff:${staff.id}`;
  await addEvent(tx, {
    reportId: report.id, kind: 'status_changed', actor, oldValue: { status: report.status },
    newValue: { status: change.to }, reason: note?.trim() ?? null, isPublic: true,
  });
  for (const child of await duplicatesOf(tx, report.id)) {
    await addEvent(tx, {
      reportId: child.id, kind: 'parent_status_changed', actor,
      newValue: { status: change.to, parent: report.code }, reason: note?.trim() ?? null, isPublic: true,
    });
  }
  return { reportId: report.id };
}
