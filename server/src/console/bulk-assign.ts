import type { Queryable } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { refusedInBatch } from '../http/error-catalogue.ts';
import { changeStatus } from '../lifecycle/change-status.ts';
import { addEvent } from '../lifecycle/queries.ts';
import { normaliseTrackingCode } from '../reference/tracking-code.ts';
import type { Staff } from '../staff/queries.ts';

/** The refusal of one report, saying which: the desk fixes that one and sends the batch again. */
function forReport(code: string, error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  return refusedInBatch(error, code);
}

/**
 * Assigns every report or none, each through the lifecycle (scope, transitions, role, audit,
 * duplicates), with an optional private note: one refusal rolls back the request's whole
 * transaction, so the batch.
 */
export async function bulkAssign(tx: Queryable, staff: Staff, batch: { codes: string[]; reason?: string; note?: string }): Promise<void> {
  for (const raw of batch.codes) {
    const code = normaliseTrackingCode(raw);
    try {
      const { reportId } = await changeStatus(tx, staff, { code, to: 'assigned', reason: batch.reason });
      if (batch.note?.trim()) {
        await addEvent(tx, { reportId, kind: 'note', actor: `staff:${staff.id}`, reason: batch.note.trim(), isPublic: false });
      }
    } catch (error) {
      throw forReport(code, error);
    }
  }
}
