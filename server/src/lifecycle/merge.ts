import { sql, type Queryable } from '../db/database.ts';
import { appError } from '../http/error-catalogue.ts';
import type { Staff } from '../staff/queries.ts';
import { reportScope } from '../staff/scope.ts';
import { addEvent, lockReport } from './queries.ts';
import { openStatuses } from './transitions.ts';

/**
 * Merges a duplicate into the report it repeats: the child becomes `duplicate`, points at its
 * parent, and from then on follows it (see changeStatus); its reporter and supporters count
 * as the parent's supporters. Both reports must be open and within the staff member's scope.
 */
export async function mergeDuplicate(
  tx: Queryable,
  staff: Staff,
  m: { childCode: string; parentCode: string; reason?: string },
): Promise<void> {
  if (m.childCode === m.parentCode) {
    throw appError('MERGE_INTO_ITSELF');
  }
  // Lock in code order so that two merges of the same pair cannot deadlock.
  const [first, second] = [m.childCode, m.parentCode].sort();
  const locked = new Map([
    [first, await lockReport(tx, first, reportScope(staff))],
    [second, await lockReport(tx, second, reportScope(staff))],
  ]);
  const child = locked.get(m.childCode);
  const parent = locked.get(m.parentCode);
  if (!child) throw appError('REPORT_NOT_FOUND', { code: m.childCode });
  if (!parent) throw appError('REPORT_NOT_FOUND', { code: m.parentCode });
  for (const r of [child, parent]) {
    if (!openStatuses.includes(r.status)) {
      throw appError('REPORT_NOT_OPEN', { code: r.code, status: r.status });
    }
  }
  await tx.query(sql`
    UPDATE reports SET status = 'duplicate', duplicate_of = ${parent.id}, updated_at = now() WHERE id = ${child.id}`);
  await tx.query(sql`
    UPDATE reports SET support_count = support_count + 1 + (SELECT support_count FROM reports WHERE id = ${child.id}),
                       updated_at = now()
    WHERE id = ${parent.id}`);
  const actor = `staff:${staff.id}`;
  await addEvent(tx, {
    reportId: child.id, kind: 'merged', actor, oldValue: { status: child.status },
    newValue: { status: 'duplicate', duplicate_of: parent.code }, reason: m.reason ?? null, isPublic: true,
  });
  await addEvent(tx, {
    reportId: parent.id, kind: 'duplicate_merged', actor, newValue: { duplicate: child.code },
    reason: m.reason ?? null, isPublic: false,
  });
}
