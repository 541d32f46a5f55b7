import { useSyncExternalStore } from 'react';

/** A report this device sent (with its token) or supported (+1, without one). */
export interface MyReport {
  code: string;
  /** The resident_token answered on submission: the only proof that this device sent it. */
  token: string | null;
  /** When it was sent or supported from this device (ISO 8601). */
  savedAt: string;
}

const storageKey = 'petawarga:my-reports';
const changed = 'petawarga:my-reports-changed';
const codePattern = /^[A-Z]{3}-[0-9A-Z]{6}$/;

// Kept only on this device, in localStorage: there are no resident accounts, and a list of the
// codes one person sent must not live on the server. Where storage is refused (some private
// modes) the list lasts as long as the page.
let inMemory: MyReport[] = [];
let cached: { raw: string | null; reports: MyReport[] } | undefined;

function isMyReport(value: unknown): value is MyReport {
  const r = value as MyReport;
  return typeof r === 'object' && r !== null && typeof r.code === 'string' && codePattern.test(r.code)
    && (r.token === null || typeof r.token === 'string') && typeof r.savedAt === 'string';
}

function read(): MyReport[] {
  let raw: string | null;
  try {
    raw = localStorage.getItem(storageKey);
  } catch {
    return inMemory;
  }
  // The same array for the same stored text: useSyncExternalStore needs a stable snapshot.
  if (cached?.raw === raw) return cached.reports;
  let reports: MyReport[] = [];
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    if (Array.isArray(parsed)) reports = parsed.filter(isMyReport);
  } catch {
    // Unreadable (edited by hand, or another version's format): start a new list.
  }
  cached = { raw, reports };
  return reports;
}

function write(reports: MyReport[]): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(reports));
  } catch {
    inMemory = reports;
  }
  window.dispatchEvent(new Event(changed));
}

/** Adds a report, newest first; a token once known is never replaced by none. */
export function rememberReport(code: string, token: string | null): void {
  const existing = read().find((r) => r.code === code);
  const kept = { code, token: token ?? existing?.token ?? null, savedAt: existing?.savedAt ?? new Date().toISOString() };
  write([kept, ...read().filter((r) => r.code !== code)]);
}

export function forgetReport(code: string): void {
  write(read().filter((r) => r.code !== code));
}

/** The token kept for `code`, if this device sent it. */
export function residentTokenFor(code: string): string | null {
  return read().find((r) => r.code === code)?.token ?? null;
}

function subscribe(onChange: () => void): () => void {
  // `storage` hears another tab of the same site; `changed`, this one.
  window.addEventListener('storage', onChange);
  window.addEventListener(changed, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(changed, onChange);
  };
}

export function useMyReports(): MyReport[] {
  return useSyncExternalStore(subscribe, read);
}

/** The token for one code, following changes to the list. */
export function useResidentToken(code: string): string | null {
  return useMyReports().find((r) => r.code === code)?.token ?? null;
}
