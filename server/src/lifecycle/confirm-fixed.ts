import type { Queryable } from '../db/database.ts';
import { appError } from '../http/error-catalogue.ts';
import { addEvent, duplicatesOf, lockReport, setStatus } from './queries.ts';
import { residentTokenMatches } from './resident-token.ts';

/**
 * The reporter, holding their token, says the fix worked: the resolved report is closed at once
 * instead of waiting out the reopen window. Closing is the lifecycle's existing end after
 * `resolved` (staff may close too), so the map, the console and the statistics need nothing
 * new; the `confirmed_fixed` event records that it was the resident who closed it.
 */
export async function confirmFixed(tx: Queryable, r: { code: string; residentToken: string }): Promise<void> {
  const report = await lockReport(tx, r.code);
  if (!report || report.status === 'submitted' || report.status === 'rejected') throw appError('REPORT_NOT_FOUND', { code: r.code });
  if (!residentTokenMatches(report.resident_token_hash, r.residentToken)) {
    throw appError('INVALID_RESIDENT_TOKEN');
  }
  if (report.status !== 'resolved') {
    throw appError('INVALID_TRANSITION', { confirmFrom: report.status, details: { from: report.status, to: 'closed', allowed: [] } });
  }
  await setStatus(tx, report.id, 'closed');
  await addEvent(tx, {
    reportId: report.id, kind: 'confirmed_fixed', actor: 'resident', oldValue: { status: 'resolved' },
    newValue: { status: 'closed' }, isPublic: true,
  });
  for (const child of await duplicatesOf(tx, report.id)) {
    await addEvent(tx, {
      reportId: child.id, kind: 'parent_status_changed', actor: 'resident',
      newValue: { status: 'closed', parent: report.code }, isPublic: true,
    });
  }
}
