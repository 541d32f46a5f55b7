// The time slider works in whole weeks: the server's weekly counts give the data's span as a
// list of Mondays (ISO weeks in Jakarta time, WIB). A bare date sent as `since` is midnight
// WIB and a bare `until` includes that whole day, so Monday..Sunday of the chosen weeks
// selects exactly the reports the weekly chart counts in those weeks.

/** Handle positions: indices into the span's list of Mondays, start <= end. */
export interface WeekRange {
  start: number;
  end: number;
}

/** The Sunday ending the week that starts on `monday` (both YYYY-MM-DD). */
export function weekEnd(monday: string): string {
  const date = new Date(`${monday}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 6);
  return date.toISOString().slice(0, 10);
}

/** The index of the week holding `day` (clamped to the span); `fallback` when no day is set. */
function weekOf(mondays: string[], day: string, fallback: number): number {
  if (!day) return fallback;
  const index = mondays.findLastIndex((monday) => monday <= day);
  return Math.max(0, index);
}

/** Where the handles stand for a since/until typed in the date inputs (or none: the whole span). */
export function rangeOf(mondays: string[], since: string, until: string): WeekRange {
  const last = mondays.length - 1;
  const start = weekOf(mondays, since, 0);
  return { start, end: Math.max(start, weekOf(mondays, until, last)) };
}

/** The since/until (bare dates) that a range of weeks stands for: first Monday to last Sunday. */
export function windowOf(mondays: string[], range: WeekRange): { since: string; until: string } {
  return { since: mondays[range.start], until: weekEnd(mondays[range.end]) };
}
