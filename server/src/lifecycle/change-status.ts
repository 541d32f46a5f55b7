import type { Queryable } from '../db/database.ts';
import { assignDueAt } from '../deadlines/due-at.ts';
import { appError } from '../http/error-catalogue.ts';
import type { Staff } from '../staff/queries.ts';
import { reportScope } from '../staff/scope.ts';
import { addEvent, duplicatesOf, lockReport, setStatus } from './queries.ts';
import { checkTransition, type Status } from './transitions.ts';

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
  if (!report) throw appError('REPORT_NOT_FOUND', { code: change.code });
  const transition = checkTransition(report.status, change.to, staff.role);
  const note = transition.needs === 'response' ? change.response : change.reason;
  if (transition.needs && !note?.trim()) {
    throw appError(transition.needs === 'response' ? 'RESPONSE_REQUIRED' : 'REASON_REQUIRED');
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
