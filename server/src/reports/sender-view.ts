import { sql, type Queryable } from '../db/database.ts';
import { residentTokenMatches } from '../lifecycle/resident-token.ts';
import { findPublicReport } from './queries.ts';
import type { PublicReport } from './schemas.ts';

/**
 * The report as its sender may see it: held for moderation or rejected (with the reason in its
 * timeline) as well as public. Null for an unknown code and for a wrong token alike, so that a
 * guess learns nothing about a report the public may not see.
 */
export async function findReportForSender(db: Queryable, code: string, residentToken: string): Promise<PublicReport | null> {
  const [row] = await db.query<{ resident_token_hash: string | null }>(sql`
    SELECT resident_token_hash FROM reports WHERE code = ${code}`);
  if (!row || !residentTokenMatches(row.resident_token_hash, residentToken)) return null;
  return findPublicReport(db, code, 'sender');
}
