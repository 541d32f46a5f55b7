import { ApiError } from '../api.ts';
import { rememberReport } from '../my-reports/my-reports-store.ts';
import type { PublicReport } from './public-report.ts';
import { forgetReport, queuedReports, returnToEditing, type SavedReport } from './report-store.ts';
import { reportFormData } from './submit-report.ts';
import { UploadCancelled, uploadReport, worthRetrying, type UploadProgress } from './upload-report.ts';

/** How one attempt to send a queued report ended. */
export type SendOutcome =
  | { kind: 'sent'; report: PublicReport }
  | { kind: 'waiting'; error: ApiError } // still queued: no connection, or the server busy
  | { kind: 'rejected'; error: ApiError } // back in the form: the resident must change something
  | { kind: 'cancelled' };

export interface OutboxEvents {
  /** The set of queued or refused reports changed. */
  change: void;
  progress: { idempotencyKey: string } & UploadProgress;
  sent: { idempotencyKey: string; report: PublicReport };
}

// While a report waits, the browser's `online` event is the usual cue; this catches a server
// that was down (503) or a connection that came back without the event.
const retryEveryMs = 30_000;

const events = new EventTarget();
const inFlight = new Map<string, { promise: Promise<SendOutcome>; abort: AbortController }>();

export function onOutbox<K extends keyof OutboxEvents>(type: K, listener: (detail: OutboxEvents[K]) => void): () => void {
  const wrapped = (event: Event) => listener((event as CustomEvent<OutboxEvents[K]>).detail);
  events.addEventListener(type, wrapped);
  return () => events.removeEventListener(type, wrapped);
}

function emit<K extends keyof OutboxEvents>(type: K, detail: OutboxEvents[K]): void {
  events.dispatchEvent(new CustomEvent(type, { detail }));
  // Other tabs of the app show the same queue.
  if (type !== 'progress') channel?.postMessage(type);
}

const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('petawarga-report-outbox') : null;
channel?.addEventListener('message', () => events.dispatchEvent(new CustomEvent('change')));

async function attempt(saved: SavedReport, abort: AbortController): Promise<SendOutcome> {
  const { idempotencyKey, draft } = saved;
  try {
    const report = await uploadReport(reportFormData(draft), idempotencyKey, {
      signal: abort.signal,
      onProgress: (progress) => emit('progress', { idempotencyKey, ...progress }),
    });
    await forgetReport(idempotencyKey);
    // Sent from the form or later from the queue, the report joins "Laporan saya" with the token
    // that lets this device follow, confirm and reopen it.
    rememberReport(report.code, (report as PublicReport & { resident_token?: string | null }).resident_token ?? null);
    emit('sent', { idempotencyKey, report });
    return { kind: 'sent', report };
  } catch (error) {
    if (error instanceof UploadCancelled) {
      await returnToEditing(idempotencyKey);
      return { kind: 'cancelled' };
    }
    if (!(error instanceof ApiError)) throw error;
    if (worthRetrying(error)) return { kind: 'waiting', error };
    const { status, code, messages, details } = error;
    await returnToEditing(idempotencyKey, { status, code, messages, details });
    return { kind: 'rejected', error };
  } finally {
    emit('change', undefined);
  }
}

/**
 * Sends one queued report now. Two tabs never send the same report at once (a Web Lock), and a
 * second call while it is on its way joins the first; the Idempotency-Key makes even a repeat
 * after a lost answer harmless.
 */
export function sendQueued(saved: SavedReport): Promise<SendOutcome> {
  const running = inFlight.get(saved.idempotencyKey);
  if (running) return running.promise;
  const abort = new AbortController();
  const send = async (): Promise<SendOutcome> => {
    // Another tab may have sent it while this one waited for the lock.
    const stillQueued = (await queuedReports()).find((r) => r.idempotencyKey === saved.idempotencyKey);
    if (!stillQueued) return { kind: 'cancelled' };
    return attempt(stillQueued, abort);
  };
  const promise = (navigator.locks
    ? navigator.locks.request(`petawarga-report:${saved.idempotencyKey}`, send)
    : send()
  ).finally(() => inFlight.delete(saved.idempotencyKey));
  inFlight.set(saved.idempotencyKey, { promise, abort });
  return promise;
}

/** Stops an upload the resident no longer wants; the report goes back into the form. */
export function cancelSending(idempotencyKey: string): void {
  inFlight.get(idempotencyKey)?.abort.abort();
}

/** Sends every queued report, oldest first, until one finds no connection. */
export async function sendAllQueued(): Promise<void> {
  for (const saved of await queuedReports()) {
    const outcome = await sendQueued(saved);
    if (outcome.kind === 'waiting') return;
  }
}

let started = false;

/** From page load on: whatever is queued goes out as soon as the connection allows. */
export function startOutbox(): void {
  if (started) return;
  started = true;
  const trySending = () => {
    if (navigator.onLine) void sendAllQueued();
  };
  window.addEventListener('online', trySending);
  setInterval(trySending, retryEveryMs);
  trySending();
}
