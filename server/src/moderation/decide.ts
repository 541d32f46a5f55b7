import { createHash } from 'node:crypto';
import { sql, type Queryable } from '../db/database.ts';
import { screenText, type Flag } from './screen.ts';

/** The source hash of a channel without devices (an SMS number, a staff member filing for residents). */
export const sourceHash = (source: string) => createHash('sha256').update(`source:${source}`).digest('hex');

// Many reports from one device within 10 minutes is a burst no resident needs (the limit is
// SOURCE_BURST_LIMIT, 5 by default; an office filing walk-in reports needs more). One network
// address has a limit of its own, ADDRESS_BURST_LIMIT (60), far higher: a carrier's NAT puts
// thousands of phones behind one address, and a flood or a blackout makes many of them report
// at once. Either holds the report for a moderator; neither refuses it.
const burstMinutes = 10;

type BurstFlag = 'many_from_source' | 'many_from_address';

export interface ModerationDecision {
  status: 'published' | 'submitted';
  screen: { flags: (Flag | BurstFlag)[]; evidence: Partial<Record<Flag | BurstFlag, string[]>> };
}

/**
 * Publish at once, or hold for a moderator: held when the text raises a flag, when its device
 * or its network address sent a burst of reports, or always when the city moderates everything
 * (MODERATE_ALL).
 */
export async function decidePublication(
  db: Queryable,
  r: {
    description: string; categoryCode: string; sourceHash: string; addressHash?: string;
    moderateAll: boolean; burstLimit: number; addressBurstLimit?: number;
  },
): Promise<ModerationDecision> {
  const [category] = await db.query<{ name_id: string; name_en: string }>(sql`
    SELECT name_id, name_en FROM categories WHERE code = ${r.categoryCode}`);
  const screen: ModerationDecision['screen'] = screenText(r.description, category ? [category.name_id, category.name_en] : []);
  // Reports from one device wait here for each other until commit, so that a device sending
  // many at once cannot slip them all past the count (a hash collision only serialises two).
  // The address is not locked: it would queue a whole carrier's residents behind one another.
  await db.query(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`burst:${r.sourceHash}`}, 0))`);
  // Each count reads its own index (reports_source_recent_idx, reports_address_recent_idx).
  const [recent] = await db.query<{ from_source: number; from_address: number }>(sql`
    SELECT (SELECT count(*)::int FROM reports
            WHERE source_hash = ${r.sourceHash} AND created_at > now() - make_interval(mins => ${burstMinutes})) AS from_source,
           (SELECT count(*)::int FROM reports
            WHERE address_hash = ${r.addressHash ?? null} AND created_at > now() - make_interval(mins => ${burstMinutes})) AS from_address`);
  const flag = (name: BurstFlag, count: number, limit: number | undefined) => {
    if (limit === undefined || count < limit) return;
    screen.flags.push(name);
    screen.evidence = { ...screen.evidence, [name]: [`${count + 1} reports in ${burstMinutes} minutes`] };
  };
  flag('many_from_source', recent.from_source, r.burstLimit);
  flag('many_from_address', recent.from_address, r.addressHash ? r.addressBurstLimit : undefined);
  return { status: r.moderateAll || screen.flags.length > 0 ? 'submitted' : 'published', screen };
}
