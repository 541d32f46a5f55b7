import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The token a web sender receives with their tracking code proves they sent the report: it lets
 * them see it while it is held or after it is rejected, confirm a fix, and reopen it. Only its
 * SHA-256 is stored.
 */
export const residentTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Whether `token` is the one whose hash is stored, compared in constant time. */
export function residentTokenMatches(storedHash: string | null, token: string): boolean {
  if (!storedHash) return false;
  const given = Buffer.from(residentTokenHash(token));
  const stored = Buffer.from(storedHash);
  return given.length === stored.length && timingSafeEqual(given, stored);
}
