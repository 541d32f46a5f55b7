import type { Queryable } from '../db/database.ts';
import { assignDueAt } from '../deadlines/due-at.ts';
import { appError } from '../http/error-catalogue.ts';
import type { Staff } from '../staff/queries.ts';
import { reportScope } from '../staff/scope.ts';
import { addEvent, duplicatesOf, lockReport, setStatus } from './queries.ts';
import { checkTransition, type Requirement, type Status } from './transitions.ts';

export interface StatusChange {
  code: string;
  to: Status;
  /** Why (rejection, cannot be fixed): told to the reporter. */
  reason?: string;
  /** The city's public answer (resolution and the other outcomes): shown on the report's page. */
  response?: string;
  /** The agency a report is referred to, by name (referred). */
  agency?: string;
}

const missing = { reason: 'REASON_REQUIRED', response: 'RESPONSE_REQUIRED', agency: 'AGENCY_REQUIRED' } as const;

/**
 * A staff member moves a report to another status: checked against the lifecycle, within the
 * staff member's scope (another desk's report is "not found", not "forbidden", so its existence
 * is not revealed), audited, and passed on to the reports merged into it.
 */
export async function changeStatus(tx: Queryable, staff: Staff, change: StatusChange): Promise<{ reportId: number }> {
  const report = await lockReport(tx, change.code, reportScope(staff));
  if (!report) throw appError('REPORT_NOT_FOUND', { code: change.code });
  const transition = checkTransition(report.status, change.to, staff.role);
  const needs: readonly Requirement[] = transition.needs ?? [];
  const given = { reason: change.reason?.trim(), response: change.response?.trim(), agency: change.agency?.trim() };
  for (const field of needs) if (!given[field]) throw appError(missing[field]);

  // The event's reason is the text the resident reads: the public response where one is needed,
  // else the reason. The agency, and the reason a report cannot be fixed, go with the new status.
  const note = (needs.includes('response') ? given.response : given.reason) || null;
  const newValue = {
    status: change.to,
    ...(needs.includes('agency') && { agency: given.agency }),
    ...(needs.includes('reason') && needs.includes('response') && { reason: given.reason }),
  };
  await setStatus(tx, report.id, change.to);
  // Published after moderation: the deadline still counts from the submission.
  if (change.to === 'published') await assignDueAt(tx, report.id);
  // Taken back from another agency: the desk gets the category's working days again, from now.
  if (report.status === 'referred') await assignDueAt(tx, report.id, 'now');
  const actor = `staff:${staff.id}`;
  await addEvent(tx, {
    reportId: report.id, kind: 'status_changed', actor, oldValue: { status: report.status },
    newValue, reason: note, isPublic: true,
  });
  for (const child of await duplicatesOf(tx, report.id)) {
    await addEvent(tx, {
      reportId: child.id, kind: 'parent_status_changed', actor,
      newValue: { ...newValue, parent: report.code }, reason: note, isPublic: true,
    });
  }
  return { reportId: report.id };
}
