import { sql, type Queryable, type Sql } from '../db/database.ts';
import { outcomeStatuses, type Status } from './transitions.ts';

export interface LockedReport {
  id: number;
  code: string;
  status: Status;
  category_code: string;
  lon: number;
  lat: number;
  department_code: string;
  kelurahan_code: string;
  duplicate_of: number | null;
  resident_token_hash: string | null;
  /** Days since the report was resolved or given another outcome (the reopen window). */
  answered_days_ago: number | null;
}

/** The report, row-locked until the transaction ends, if it lies within `scope`. */
export async function lockReport(tx: Queryable, code: string, scope: Sql = sql`true`): Promise<LockedReport | undefined> {
  const [row] = await tx.query<LockedReport>(sql`
    SELECT r.id, r.code, r.status, r.category_code, ST_X(r.location) AS lon, ST_Y(r.location) AS lat,
           r.department_code, r.kelurahan_code, r.duplicate_of, r.resident_token_hash,
           EXTRACT(EPOCH FROM now() - COALESCE(r.resolved_at, r.outcome_at)) / 86400 AS answered_days_ago
    FROM reports r
    WHERE r.code = ${code} AND ${scope}
    FOR UPDATE`);
  return row;
}

export async function setStatus(tx: Queryable, reportId: number, status: Status): Promise<void> {
  await tx.query(sql`
    UPDATE reports SET
      status = ${status},
      resolved_at = CASE WHEN ${status} = 'resolved' THEN now()
                         WHEN ${status} IN ('assigned', 'in_progress') THEN NULL
                         ELSE resolved_at END,
      -- Set by each outcome other than a fix; any other change undoes it (reopened, taken back).
      outcome_at = CASE WHEN ${status} = ANY(${[...outcomeStatuses]}) THEN now() END,
      updated_at = now()
    WHERE id = ${reportId}`);
}

export interface NewEvent {
  reportId: number;
  kind: string;
  actor: string;
  oldValue?: unknown;
  newValue?: unknown;
  reason?: string | null;
  isPublic: boolean;
}

export async function addEvent(tx: Queryable, e: NewEvent): Promise<number> {
  const [row] = await tx.query<{ id: number }>(sql`
    INSERT INTO report_events (report_id, kind, actor, old_value, new_value, reason, is_public)
    VALUES (${e.reportId}, ${e.kind}, ${e.actor},
            ${e.oldValue === undefined ? null : JSON.stringify(e.oldValue)},
            ${e.newValue === undefined ? null : JSON.stringify(e.newValue)},
            ${e.reason ?? null}, ${e.isPublic})
    RETURNING id`);
  return row.id;
}

/** Reports merged into this one: they follow its status in their own public timelines. */
export async function duplicatesOf(tx: Queryable, parentId: number): Promise<{ id: number }[]> {
  return tx.query<{ id: number }>(sql`SELECT id FROM reports WHERE duplicate_of = ${parentId} ORDER BY id`);
}
