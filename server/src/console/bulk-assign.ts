import type { Database, Queryable } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { refusedInBatch } from '../http/error-catalogue.ts';
import { changeStatus, type ChangedReport } from '../lifecycle/change-status.ts';
import { addEvent } from '../lifecycle/queries.ts';
import { normaliseTrackingCode } from '../reports/tracking-code.ts';
import type { Staff } from '../staff/queries.ts';

/**
 * The open transaction seen as a Database whose transaction() joins it: changeStatus runs its
 * usual checks (scope, lifecycle, role, audit, duplicates) for each report, and one refusal
 * rolls back the whole batch.
 */
function joined(db: Database, tx: Queryable): Database {
  return { ...db, query: (statement) => tx.query(statement), transaction: (fn) => fn(tx) };
}

/** The refusal of one report, saying which: the desk fixes that one and sends the batch again. */
function forReport(code: string, error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  return refusedInBatch(error, code);
}

/** Assigns every report or none, each through the lifecycle, with an optional private note. */
export async function bulkAssign(
  db: Database, staff: Staff, batch: { codes: string[]; reason?: string; note?: string },
): Promise<ChangedReport[]> {
  return db.transaction(async (tx) => {
    const changed: ChangedReport[] = [];
    for (const raw of batch.codes) {
      const code = normaliseTrackingCode(raw);
      try {
        const report = await changeStatus(joined(db, tx), staff, { code, to: 'assigned', reason: batch.reason });
        changed.push(report);
        if (batch.note?.trim()) {
          await addEvent(tx, {
            reportId: report.reportId, kind: 'note', actor: `staff:${staff.id}`, reason: batch.note.trim(), isPublic: false,
          });
        }
      } catch (error) {
        throw forReport(code, error);
      }
    }
    return changed;
  });
}
