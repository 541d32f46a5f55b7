/** A number in the page's language (1.234,5 in Indonesian), or `unknown` for null. */
export function formatNumber(value: unknown, digits: number, language: string, unknown: string): string {
  if (value === null || value === undefined || value === '') return unknown;
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: digits })
    .format(Number(value));
}
