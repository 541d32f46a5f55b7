import { useEffect, useState } from 'react';
import { ApiError } from '../api.ts';
import type { PublicReport } from './public-report.ts';
import type { ReportDraft } from './report-draft.ts';
import { cancelSending, onOutbox, sendQueued, type SendOutcome } from './report-outbox.ts';
import { queueReport, queuedReports, savedDraft } from './report-store.ts';

export type Sending =
  | { phase: 'editing'; outcome?: 'cancelled' | ApiError }
  | { phase: 'uploading'; fraction: number | null }
  | { phase: 'waiting' }; // kept on the device until the connection returns

/**
 * The form's side of the queue: pressing send stores the report first and then tries to send
 * it, with progress and cancel; a report that found no connection waits and is sent by the
 * queue, and the form follows it until it arrives.
 */
export function useReportSending(idempotencyKey: string, onSubmitted: (report: PublicReport) => void) {
  const [sending, setSending] = useState<Sending>({ phase: 'editing' });

  useEffect(() => onOutbox('progress', (progress) => {
    if (progress.idempotencyKey !== idempotencyKey) return;
    setSending((current) => current.phase === 'uploading' ? { phase: 'uploading', fraction: progress.loaded / progress.total } : current);
  }), [idempotencyKey]);

  useEffect(() => onOutbox('sent', (sent) => {
    if (sent.idempotencyKey === idempotencyKey) onSubmitted(sent.report);
  }), [idempotencyKey, onSubmitted]);

  // A waiting report the queue later found refused comes back into the form with the reason.
  const waiting = sending.phase === 'waiting';
  useEffect(() => {
    if (!waiting) return;
    return onOutbox('change', async () => {
      if ((await queuedReports()).some((r) => r.idempotencyKey === idempotencyKey)) return;
      const draft = await savedDraft();
      if (draft?.idempotencyKey !== idempotencyKey || !draft.rejection) return;
      const { status, code, messages, details } = draft.rejection;
      setSending({ phase: 'editing', outcome: new ApiError(status, code, messages, details) });
    });
  }, [waiting, idempotencyKey]);

  const follow = (outcome: SendOutcome) => {
    if (outcome.kind === 'sent') return; // the 'sent' event has told the panel
    if (outcome.kind === 'waiting') setSending({ phase: 'waiting' });
    if (outcome.kind === 'rejected') setSending({ phase: 'editing', outcome: outcome.error });
    if (outcome.kind === 'cancelled') setSending({ phase: 'editing', outcome: 'cancelled' });
  };

  const send = async (draft: ReportDraft) => {
    setSending({ phase: 'uploading', fraction: null });
    await queueReport(idempotencyKey, draft);
    follow(await sendQueued({ idempotencyKey, state: 'queued', draft, savedAt: Date.now() }));
  };

  const retry = async () => {
    const saved = (await queuedReports()).find((r) => r.idempotencyKey === idempotencyKey);
    if (!saved) return;
    setSending({ phase: 'uploading', fraction: null });
    follow(await sendQueued(saved));
  };

  return { sending, send, retry, cancel: () => cancelSending(idempotencyKey) };
}
