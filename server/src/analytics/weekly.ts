import { sql, type Queryable } from '../db/database.ts';
import { echoWindow } from './getis-ord.ts';
import { windowConditions, type ReportWindow } from './parameters.ts';
import type { LayerParameters, WeeklyCounts } from './schemas.ts';

/** The counts as computed; the route adds the data version they reflect. */
export interface WeeklyRows {
  parameters: Omit<LayerParameters, 'data_version'> & { week: string };
  weeks: WeeklyCounts['weeks'];
}

/**
 * Public reports per category per week. Weeks are ISO weeks (Monday to Sunday) in Jakarta time
 * (WIB), the days planners count in; weeks between the first and the last report with no
 * report of a category appear with 0 so that a chart's line drops instead of skipping.
 */
export async function weeklyCounts(db: Queryable, window: ReportWindow): Promise<WeeklyRows> {
  const weeks = await db.query<WeeklyRows['weeks'][number]>(sql`
    WITH counted AS (
      SELECT date_trunc('week', r.created_at AT TIME ZONE 'Asia/Jakarta')::date AS week_start,
             r.category_code AS category, count(*)::integer AS reports
      FROM reports r
      WHERE ${windowConditions(window)}
      GROUP BY 1, 2
    ),
    span AS (SELECT generate_series(min(week_start), max(week_start), interval '7 days')::date AS week_start FROM counted)
    SELECT to_char(s.week_start, 'YYYY-MM-DD') AS week_start, c.category, coalesce(n.reports, 0) AS reports
    FROM span s
    CROSS JOIN (SELECT DISTINCT category FROM counted) AS c
    LEFT JOIN counted n USING (week_start, category)
    ORDER BY s.week_start, c.category`);
  return {
    parameters: { ...echoWindow(window), week: 'ISO week (Monday) in Asia/Jakarta (WIB)' },
    weeks,
  };
}
