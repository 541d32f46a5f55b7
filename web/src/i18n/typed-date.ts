// A date typed as people in Indonesia write it, day first (07/10/2026), kept for the code as the
// ISO yyyy-mm-dd the server's query strings take. Both languages use day-month-year: the British
// English the app speaks writes dates that way too, so one format serves both.

/** What a typed text holds: nothing, a real calendar date, or something that is not one. */
export type TypedDate = { kind: 'empty' } | { kind: 'date'; iso: string } | { kind: 'invalid' };

// Day and month of one or two digits, the year always in four (a two-digit year is ambiguous),
// separated by "/", "-" or "." as people type them; or an ISO date pasted from elsewhere.
const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

// Far enough either side of any report the city will hold, near enough to catch a slip (2206).
const firstYear = 1900;
const lastYear = 2100;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The ISO date of a day, month and year, or null when that day does not exist (31/02). */
function calendarDate(day: number, month: number, year: number): string | null {
  if (year < firstYear || year > lastYear || month < 1 || month > 12 || day < 1) return null;
  // day 0 of the next month is the last day of this one; UTC so no clock change shifts it
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Day, month and year as numbers, if the text has the shape of a date at all. */
function typedParts(text: string): [number, number, number] | null {
  const iso = isoDate.exec(text);
  if (iso) return [Number(iso[3]), Number(iso[2]), Number(iso[1])];
  const typed = dayFirst.exec(text);
  return typed ? [Number(typed[1]), Number(typed[2]), Number(typed[3])] : null;
}

export function parseTypedDate(text: string): TypedDate {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  const parts = typedParts(trimmed);
  const date = parts && calendarDate(...parts);
  return date ? { kind: 'date', iso: date } : { kind: 'invalid' };
}

/** An ISO yyyy-mm-dd as dd/mm/yyyy; an empty string for no date. */
export function formatTypedDate(iso: string): string {
  const parts = isoDate.exec(iso);
  return parts ? `${parts[3]}/${parts[2]}/${parts[1]}` : '';
}
