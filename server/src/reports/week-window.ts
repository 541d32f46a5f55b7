// Splits a since/until window into the whole weeks that report_cluster_weeks answers and the
// partial days at its edges, which are read from the reports. Weeks run Monday 00:00 to Monday
// 00:00 in WIB, a fixed UTC+7, exactly as report_week (db/functions/report_week.sql) buckets.

const wibOffsetMs = 7 * 3_600_000;
const dayMs = 86_400_000;
const weekMs = 7 * dayMs;

/** The start of the WIB week holding `t` (its Monday 00:00 WIB). */
export function weekStartOf(t: Date): Date {
  const wibDays = Math.floor((t.getTime() + wibOffsetMs) / dayMs);
  // Day 0 (1970-01-01) was a Thursday, so (day + 3) mod 7 counts the days since Monday.
  const sinceMonday = (((wibDays + 3) % 7) + 7) % 7;
  return new Date((wibDays - sinceMonday) * dayMs - wibOffsetMs);
}

/** The week's Monday as the date report_week stores (YYYY-MM-DD). */
export function weekDate(weekStart: Date): string {
  return new Date(weekStart.getTime() + wibOffsetMs).toISOString().slice(0, 10);
}

export interface TimeSpan {
  since: Date;
  until: Date;
}

export interface SplitWindow {
  /** Whole weeks inside the window: week_start ≥ from and < to (dates), either end open. */
  weeks?: { from?: string; to?: string };
  /** The rest of the window, [since, until) each, at most one before and one after the weeks. */
  edges: TimeSpan[];
}

/** The first week start at or after `t`. */
function weekStartFrom(t: Date): Date {
  const start = weekStartOf(t);
  return start.getTime() === t.getTime() ? start : new Date(start.getTime() + weekMs);
}

/** created_at ≥ since and < until, as filterConditions reads them; either may be absent. */
export function splitWindow(since: Date | undefined, until: Date | undefined): SplitWindow {
  const firstWhole = since ? weekStartFrom(since) : undefined;
  // A week lies inside the window when the next one starts at or before until.
  const afterLastWhole = until ? weekStartOf(until) : undefined;
  if (since && until && firstWhole && afterLastWhole && firstWhole >= afterLastWhole) return { edges: [{ since, until }] };
  const edges: TimeSpan[] = [];
  if (since && firstWhole && firstWhole > since) edges.push({ since, until: firstWhole });
  if (until && afterLastWhole && afterLastWhole < until) edges.push({ since: afterLastWhole, until });
  return {
    weeks: { from: firstWhole && weekDate(firstWhole), to: afterLastWhole && weekDate(afterLastWhole) },
    edges,
  };
}
