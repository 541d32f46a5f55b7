/** A number in the page's language (1.234,5 in Indonesian), or `unknown` for null. */
export function formatNumber(value: unknown, digits: number, language: string, unknown: string): string {
  if (value === null || value === undefined || value === '') return unknown;
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: digits })
    .format(Number(value));
}

/** A bare YYYY-MM-DD day as the page's language writes it (7 Okt 2026, 7 Oct 2026). */
export function formatDay(day: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${day}T00:00:00Z`));
}

/** The day of an instant in Jakarta (WIB), where the reports were made. */
export function formatInstant(instant: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'medium', timeZone: 'Asia/Jakarta' })
    .format(new Date(instant));
}
