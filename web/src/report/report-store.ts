import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { ReportDraft } from './report-draft.ts';

/** Why the server refused a queued report, kept so the resident sees it when they reopen it. */
export interface Rejection {
  status: number;
  code: string;
  messages: { id: string; en: string };
  details?: unknown;
}

/**
 * A report kept on this device. `editing`: the form's content, saved as it is typed. `queued`:
 * the resident pressed send and it has not yet reached the server. The Idempotency-Key is its
 * key from the first keystroke, so however often a queued report is sent the server stores it
 * once.
 */
export interface SavedReport {
  idempotencyKey: string;
  state: 'editing' | 'queued';
  draft: ReportDraft;
  savedAt: number;
  rejection?: Rejection;
}

interface ReportStoreSchema extends DBSchema {
  reports: { key: string; value: SavedReport; indexes: { state: string } };
}

let database: Promise<IDBPDatabase<ReportStoreSchema>> | undefined;

function reportStore(): Promise<IDBPDatabase<ReportStoreSchema>> {
  database ??= openDB<ReportStoreSchema>('petawarga-reports', 1, {
    upgrade(db) {
      db.createObjectStore('reports', { keyPath: 'idempotencyKey' }).createIndex('state', 'state');
    },
  });
  return database;
}

/** The report being written, if the form was left with something in it. */
export async function savedDraft(): Promise<SavedReport | undefined> {
  const editing = await (await reportStore()).getAllFromIndex('reports', 'state', 'editing');
  return editing.sort((a, b) => b.savedAt - a.savedAt)[0];
}

/** Saves the form as typed, unless the report has meanwhile been sent off (a late keystroke save). */
export async function saveDraft(idempotencyKey: string, draft: ReportDraft): Promise<void> {
  const tx = (await reportStore()).transaction('reports', 'readwrite');
  const current = await tx.store.get(idempotencyKey);
  if (current?.state !== 'queued') {
    await tx.store.put({ idempotencyKey, state: 'editing', draft, savedAt: Date.now(), rejection: current?.rejection });
  }
  await tx.done;
}

/** Sending starts here: from now on the report survives a reload, a closed tab or a restart. */
export async function queueReport(idempotencyKey: string, draft: ReportDraft): Promise<void> {
  await (await reportStore()).put('reports', { idempotencyKey, state: 'queued', draft, savedAt: Date.now() });
  // Asks that the browser never evict this site's storage when the phone runs short of space;
  // a refusal changes nothing, the report is stored either way.
  void navigator.storage?.persist?.().catch(() => false);
}

/** Reports waiting to be sent, oldest first. */
export async function queuedReports(): Promise<SavedReport[]> {
  const queued = await (await reportStore()).getAllFromIndex('reports', 'state', 'queued');
  return queued.sort((a, b) => a.savedAt - b.savedAt);
}

/** Reports the server refused, which wait for the resident to correct them. */
export async function rejectedReports(): Promise<SavedReport[]> {
  const editing = await (await reportStore()).getAllFromIndex('reports', 'state', 'editing');
  return editing.filter((report) => report.rejection);
}

/** Back into the form: cancelled by the resident, or refused by the server (then with why). */
export async function returnToEditing(idempotencyKey: string, rejection?: Rejection): Promise<void> {
  const tx = (await reportStore()).transaction('reports', 'readwrite');
  const current = await tx.store.get(idempotencyKey);
  if (current) await tx.store.put({ ...current, state: 'editing', savedAt: Date.now(), rejection });
  await tx.done;
}

export async function forgetReport(idempotencyKey: string): Promise<void> {
  await (await reportStore()).delete('reports', idempotencyKey);
}
