import type { Language } from './index.ts';

const locales: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

/** A timestamp as people in Tangerang read it: local time (WIB), in the chosen language. */
export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Jakarta',
  }).format(new Date(iso));
}

export function formatDate(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeZone: 'Asia/Jakarta' }).format(new Date(iso));
}

/**
 * A bare yyyy-mm-dd day (a week's Monday, a chosen since/until) in the chosen language:
 * 7 Okt 2026, 7 Oct 2026. It names a calendar day, not an instant, so no time zone shifts it.
 */
export function formatDay(day: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(`${day}T00:00:00Z`));
}

/** Coordinates to 6 decimals: about 0.1 m, finer than any phone fix. */
export function formatCoordinates(lat: number, lon: number): string {
  return `${lat.toFixed(6)}, ${lon.toFixed(6)}`;
}

/** A number with a fixed count of decimals, with the language's decimal mark (4,5 / 4.5). */
export function formatDecimal(value: number, digits: number, language: Language): string {
  return new Intl.NumberFormat(locales[language], { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}
