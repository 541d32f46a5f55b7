import type { Queryable } from '../db/database.ts';
import { assignDueAt } from '../deadlines/due-at.ts';
import { appError } from '../http/error-catalogue.ts';
import { addEvent, lockReport, setStatus } from './queries.ts';
import { residentTokenMatches } from './resident-token.ts';
import { reopenableStatuses } from './transitions.ts';

/**
 * The reporter, holding the token they received on submission, reopens a resolved report (or
 * one found unfixable or needing no action, when they disagree) within `windowDays` of that
 * answer: it goes back to the desk it came from (assigned).
 */
export async function reopenReport(
  tx: Queryable,
  r: { code: string; residentToken: string; reason: string; windowDays: number },
): Promise<void> {
  const report = await lockReport(tx, r.code);
  if (!report || report.status === 'submitted' || report.status === 'rejected') throw appError('REPORT_NOT_FOUND', { code: r.code });
  if (!residentTokenMatches(report.resident_token_hash, r.residentToken)) {
    throw appError('INVALID_RESIDENT_TOKEN');
  }
  if (!reopenableStatuses.includes(report.status)) {
    throw appError('INVALID_TRANSITION', { reopenFrom: report.status, details: { from: report.status, to: 'assigned', allowed: [] } });
  }
  if ((report.answered_days_ago ?? 0) > r.windowDays) {
    throw appError('REOPEN_WINDOW_PASSED', { windowDays: r.windowDays });
  }
  await setStatus(tx, report.id, 'assigned');
  // The city answers a reopened report within the category's working days again, from now.
  await assignDueAt(tx, report.id, 'now');
  await addEvent(tx, {
    reportId: report.id, kind: 'reopened', actor: 'resident', oldValue: { status: report.status },
    newValue: { status: 'assigned' }, reason: r.reason, isPublic: true,
  });
}
