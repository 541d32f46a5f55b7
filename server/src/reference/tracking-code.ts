import { randomInt } from 'node:crypto';

// Crockford-style alphabet without 0/O, 1/I/L and U: read aloud over the phone or copied from
// an SMS, no two characters can be confused. 30^6 ≈ 729 million codes per city.
const alphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const length = 6;

/**
 * The random part of a new public tracking code: 7K3P9Q in TGR-7K3P9Q. The city's prefix is put
 * in front once the report is routed (db/functions/submit_report.sql).
 */
export function newTrackingCodeBody(): string {
  let body = '';
  for (let i = 0; i < length; i++) body += alphabet[randomInt(alphabet.length)];
  return body;
}

export const trackingCodePattern = `^[A-Z]{3}-[${alphabet}]{${length}}$`;

/** Accepts what people type: lower case, spaces, a missing hyphen (tgr 7k3p9q → TGR-7K3P9Q). */
export function normaliseTrackingCode(input: string): string {
  const compact = input.toUpperCase().replace(/[\s-]+/g, '');
  return compact.length === 3 + length ? `${compact.slice(0, 3)}-${compact.slice(3)}` : input.trim().toUpperCase();
}
