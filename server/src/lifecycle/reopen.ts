import { createHash, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../db/database.ts';
import { assignDueAt } from '../deadlines/due-at.ts';
import { AppError } from '../errors.ts';
import { reportNotFound } from './change-status.ts';
import { addEvent, lockReport, setStatus } from './queries.ts';

export const residentTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * The reporter, holding the token they received on submission, reopens a resolved report
 * within `windowDays` of its resolution: it goes back to the desk it came from (assigned).
 */
export async function reopenReport(
  tx: Queryable,
  r: { code: string; residentToken: string; reason: string; windowDays: number },
): Promise<void> {
  const report = await lockReport(tx, r.code);
  if (!report || report.status === 'submitted' || report.status === 'rejected') throw reportNotFound(r.code);
  if (!report.resident_token_hash || !sameHash(report.resident_token_hash, residentTokenHash(r.residentToken))) {
    throw new AppError(403, 'INVALID_RESIDENT_TOKEN', {
      id: 'Hanya pelapor yang dapat membuka kembali laporan ini.',
      en: 'Only the reporter can reopen this report.',
    });
  }
  if (report.status !== 'resolved') {
    throw new AppError(409, 'INVALID_TRANSITION', {
      id: 'Hanya laporan yang sudah diselesaikan yang dapat dibuka kembali.',
      en: 'Only a resolved report can be reopened.',
    }, { from: report.status, to: 'assigned', allowed: [] });
  }
  if ((report.resolved_days_ago ?? 0) > r.windowDays) {
    throw new AppError(409, 'REOPEN_WINDOW_PASSED', {
      id: `Laporan hanya dapat dibuka kembali dalam ${r.windowDays} hari setelah diselesaikan.`,
      en: `A report can be reopened only within ${r.windowDays} days of its resolution.`,
    });
  }
  await setStatus(tx, report.id, 'assigned');
  // The city answers a reopened report within the category's working days again, from now.
  await assignDueAt(tx, report.id, 'now');
  await addEvent(tx, {
    reportId: report.id, kind: 'reopened', actor: 'resident', oldValue: { status: 'resolved' },
    newValue: { status: 'assigned' }, reason: r.reason, isPublic: true,
  });
}
