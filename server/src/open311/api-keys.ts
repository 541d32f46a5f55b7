import { createHash, randomBytes } from 'node:crypto';
import { Type, type Static } from 'typebox';
import { sql, type Queryable } from '../db/database.ts';
import { appError } from '../http/error-catalogue.ts';
import { isoTime } from '../reports/report-view.ts';

// Keys are random (256 bits) and kept only as their SHA-256: unlike a password, a key is never
// guessable, so a fast hash is enough and each POST can check it without argon2's cost.
const keyPrefix = 'pw311_';
export const apiKeyHash = (key: string) => createHash('sha256').update(key).digest('hex');

export const ApiKeyView = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  created_by: Type.Union([Type.String(), Type.Null()], { description: 'The admin who issued it' }),
  created_at: Type.String({ format: 'date-time' }),
  revoked_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  last_used_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type ApiKeyView = Static<typeof ApiKeyView>;

const view = sql`
  k.id::int AS id, k.name, s.name AS created_by, ${isoTime(sql`k.created_at`)} AS created_at,
  ${isoTime(sql`k.revoked_at`)} AS revoked_at, ${isoTime(sql`k.last_used_at`)} AS last_used_at`;

/** Issues a key: the only moment it exists in the clear is this answer. */
export async function issueApiKey(tx: Queryable, name: string, staffId: number): Promise<ApiKeyView & { key: string }> {
  const key = keyPrefix + randomBytes(32).toString('base64url');
  const [row] = await tx.query<ApiKeyView>(sql`
    WITH k AS (
      INSERT INTO open311_api_keys (name, key_hash, created_by) VALUES (${name.trim()}, ${apiKeyHash(key)}, ${staffId})
      RETURNING *)
    SELECT ${view} FROM k LEFT JOIN staff s ON s.id = k.created_by`);
  return { ...row, key };
}

export async function listApiKeys(db: Queryable): Promise<ApiKeyView[]> {
  return db.query<ApiKeyView>(sql`
    SELECT ${view} FROM open311_api_keys k LEFT JOIN staff s ON s.id = k.created_by
    ORDER BY k.revoked_at IS NOT NULL, k.id DESC`);
}

/** Revokes a key at once; revoking it again keeps the first time. */
export async function revokeApiKey(tx: Queryable, id: number): Promise<ApiKeyView> {
  // A path's '1e309' is coerced to Infinity, which the schema's bounds do not catch.
  if (!Number.isSafeInteger(id)) throw appError('API_KEY_NOT_FOUND', { id });
  const [row] = await tx.query<ApiKeyView>(sql`
    WITH k AS (
      UPDATE open311_api_keys SET revoked_at = COALESCE(revoked_at, now()) WHERE id = ${id} RETURNING *)
    SELECT ${view} FROM k LEFT JOIN staff s ON s.id = k.created_by`);
  if (!row) throw appError('API_KEY_NOT_FOUND', { id });
  return row;
}

/** The id of a live key, marked as used; API_KEY_INVALID for a missing, unknown or revoked one. */
export async function useApiKey(tx: Queryable, key: string | undefined): Promise<number> {
  if (!key || !key.startsWith(keyPrefix)) throw appError('API_KEY_INVALID');
  const [row] = await tx.query<{ id: number }>(sql`
    UPDATE open311_api_keys SET last_used_at = now()
    WHERE key_hash = ${apiKeyHash(key)} AND revoked_at IS NULL
    RETURNING id::int AS id`);
  if (!row) throw appError('API_KEY_INVALID');
  return row.id;
}
