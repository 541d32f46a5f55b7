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

/**
 * Waits for any other request with this key to end (the key stays held until this transaction
 * ends), then answers the report an earlier request with it created (and its resident token),
 * or null: lock_idempotency_key, db/functions. submit_report records the key with a new report.
 */
export async function lockAndFindByKey(tx: Queryable, key: string, digest: string) {
  const [row] = await tx.query<{ code: string; status: string; request_hash: string; resident_token: string | null }>(sql`
    SELECT code, status, request_hash, resident_token FROM lock_idempotency_key(${key})`);
  if (!row) return null;
  if (row.request_hash !== digest) throw appError('IDEMPOTENCY_KEY_REUSED');
  return { code: row.code, status: row.status, residentToken: row.resident_token };
}
