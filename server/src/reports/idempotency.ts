import { createHash } from 'node:crypto';
import { sql, type Queryable } from '../db/database.ts';
import { appError } from '../http/error-catalogue.ts';

export const idempotencyKeyPattern = /^[\x21-\x7e]{8,200}$/;

export function checkIdempotencyKey(key: string | undefined): string | undefined {
  if (key === undefined) return undefined;
  if (!idempotencyKeyPattern.test(key)) {
    throw appError('INVALID_IDEMPOTENCY_KEY');
  }
  return key;
}

/** A digest of what was submitted, so that a reused key with a different request is caught. */
export function requestDigest(fields: unknown, photos: Buffer[]): string {
  const hash = createHash('sha256').update(JSON.stringify(fields));
  for (const p of photos) hash.update(createHash('sha256').update(p).digest());
  return hash.digest('hex');
}

/** The report an earlier request with this key created (and its resident token), or null. */
export async function findByKey(db: Queryable, key: string, digest: string) {
  const [row] = await db.query<{ code: string; status: string; request_hash: string; resident_token: string | null }>(sql`
    SELECT r.code, r.status, k.request_hash, k.resident_token
    FROM idempotency_keys k JOIN reports r ON r.id = k.report_id
    WHERE k.key = ${key}`);
  if (!row) return null;
  if (row.request_hash !== digest) throw appError('IDEMPOTENCY_KEY_REUSED');
  return { code: row.code, status: row.status, residentToken: row.resident_token };
}

/**
 * Holds the key until the transaction ends, so that requests with the same key run one after
 * the other (an advisory lock on the key's 64-bit hash; a collision only serialises two requests).
 */
export async function lockKey(tx: Queryable, key: string): Promise<void> {
  await tx.query(sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

/** Records the key with the report it created (under lockKey, so no one else holds it). */
export async function claimKey(
  tx: Queryable, key: string, digest: string, reportId: number, residentToken: string,
): Promise<void> {
  await tx.query(sql`
    INSERT INTO idempotency_keys (key, request_hash, report_id, resident_token)
    VALUES (${key}, ${digest}, ${reportId}, ${residentToken})`);
}
