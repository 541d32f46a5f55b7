import { createHash } from 'node:crypto';
import { sql, type Queryable } from '../db/database.ts';
import { screenText, type ScreenResult } from './screen.ts';

export const sourceHash = (source: string) => createHash('sha256').update(`source:${source}`).digest('hex');

// Many reports from one source within 10 minutes is a burst no resident needs (the limit is
// SOURCE_BURST_LIMIT, 5 by default; an office filing walk-in reports needs more).
const burstMinutes = 10;

export interface ModerationDecision {
  status: 'published' | 'submitted';
  screen: ScreenResult & { flags: (ScreenResult['flags'][number] | 'many_from_source')[] };
}

/**
 * Publish at once, or hold for a moderator: held when the text raises a flag, when its source
 * sent a burst of reports, or always when the city moderates everything (MODERATE_ALL).
 */
export async function decidePublication(
  db: Queryable,
  r: { description: string; categoryCode: string; sourceHash: string; moderateAll: boolean; burstLimit: number },
): Promise<ModerationDecision> {
  const [category] = await db.query<{ name_id: string; name_en: string }>(sql`
    SELECT name_id, name_en FROM categories WHERE code = ${r.categoryCode}`);
  const screen: ModerationDecision['screen'] = screenText(r.description, category ? [category.name_id, category.name_en] : []);
  const [{ recent }] = await db.query<{ recent: number }>(sql`
    SELECT count(*)::int AS recent FROM reports
    WHERE source_hash = ${r.sourceHash} AND created_at > now() - make_interval(mins => ${burstMinutes})`);
  if (recent >= r.burstLimit) {
    screen.flags.push('many_from_source');
    screen.evidence = { ...screen.evidence, many_from_source: [`${recent + 1} reports in ${burstMinutes} minutes`] } as never;
  }
  return { status: r.moderateAll || screen.flags.length > 0 ? 'submitted' : 'published', screen };
}
