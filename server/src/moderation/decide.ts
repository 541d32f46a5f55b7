import { createHash } from 'node:crypto';
import { sql, type Queryable } from '../db/database.ts';
import { screenText, type Flag } from './screen.ts';

/** The source hash of a channel without devices (an SMS number, a staff member filing for residents). */
export const sourceHash = (source: string) => createHash('sha256').update(`source:${source}`).digest('hex');

type BurstFlag = 'many_from_source' | 'many_from_address';

/**
 * What the screen found, stored as reports.moderation_flags. A report is held for a moderator
 * when the text raises a flag, when its device or its network address sent a burst of reports
 * (the burst flags are added in the database, db/functions/screen_bursts.sql, under a lock on
 * the device), or always when the city moderates everything (MODERATE_ALL); the decision is
 * taken in db/functions/submit_report.sql.
 */
export interface ModerationScreen {
  flags: (Flag | BurstFlag)[];
  evidence: Partial<Record<Flag | BurstFlag, string[]>>;
}

/**
 * Screens a new report's text. The category's names matter only to the 'unrelated' flag (a text
 * naming its category is not unrelated), so they are read only when the text alone raises it:
 * most reports cost no query here.
 */
export async function screenReportText(db: Queryable, description: string, categoryCode: string): Promise<ModerationScreen> {
  const withoutNames = screenText(description);
  if (!withoutNames.flags.includes('unrelated')) return withoutNames;
  const [category] = await db.query<{ name_id: string; name_en: string }>(sql`
    SELECT name_id, name_en FROM categories WHERE code = ${categoryCode}`);
  return category ? screenText(description, [category.name_id, category.name_en]) : withoutNames;
}
