import { sql, type Queryable } from '../db/database.ts';

export interface OutboxMessage {
  id: number;
  topic: string;
  payload: Record<string, unknown>;
  attempts: number;
}

/**
 * Takes up to `limit` messages that are due, leasing them for `leaseSeconds`: a message whose
 * handler never reports back (the instance died) is due again when the lease runs out. SKIP
 * LOCKED lets several instances drain side by side without taking the same message.
 */
export function leaseDueMessages(db: Queryable, limit: number, leaseSeconds: number): Promise<OutboxMessage[]> {
  return db.query<OutboxMessage>(sql`
    UPDATE outbox o
    SET available_at = now() + make_interval(secs => ${leaseSeconds}), attempts = o.attempts + 1
    FROM (
      SELECT id FROM outbox
      WHERE available_at <= now()
      ORDER BY id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    ) due
    WHERE o.id = due.id
    RETURNING o.id, o.topic, o.payload, o.attempts`);
}

export async function deleteMessage(db: Queryable, id: number): Promise<void> {
  await db.query(sql`DELETE FROM outbox WHERE id = ${id}`);
}

/** Puts a failed message back, due again after `delaySeconds`, with what went wrong. */
export async function postponeMessage(db: Queryable, id: number, delaySeconds: number, error: string): Promise<void> {
  await db.query(sql`
    UPDATE outbox
    SET available_at = now() + make_interval(secs => ${delaySeconds}), last_error = ${error.slice(0, 2000)}
    WHERE id = ${id}`);
}
