import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api.ts';
import type { ReportDraft } from './report-draft.ts';
import { saveDraft, savedDraft } from './report-store.ts';
import { newIdempotencyKey } from './submit-report.ts';

// Long enough not to write on every keystroke, short enough that closing the tab loses nothing.
const saveAfterMs = 300;

const isEmpty = (draft: ReportDraft) =>
  !draft.pin && !draft.category && !draft.description && !draft.address && !draft.reporterName &&
  !draft.reporterPhone && !draft.reporterEmail && draft.photos.length === 0;

/**
 * The form's content, saved on the device as it is typed and restored when the form opens again
 * (after a reload or a browser restart), with the Idempotency-Key it was started with.
 */
export function useSavedDraft(emptyDraft: ReportDraft) {
  const [draft, setDraft] = useState(emptyDraft);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [restored, setRestored] = useState<{ rejection?: ApiError } | null>(null);
  const typed = useRef(false);

  useEffect(() => {
    let current = true;
    void savedDraft().then((saved) => {
      // Whatever the resident began typing meanwhile wins over an older copy.
      if (!current || !saved || typed.current) return;
      setDraft(saved.draft);
      setIdempotencyKey(saved.idempotencyKey);
      const r = saved.rejection;
      setRestored({ rejection: r && new ApiError(r.status, r.code, r.messages, r.details) });
    });
    return () => {
      current = false;
    };
  }, []);

  const pendingSave = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => {
    if (isEmpty(draft)) return;
    pendingSave.current = setTimeout(() => void saveDraft(idempotencyKey, draft), saveAfterMs);
    return () => clearTimeout(pendingSave.current);
  }, [draft, idempotencyKey]);

  const update = (change: Partial<ReportDraft>) => {
    typed.current = true;
    setDraft((current) => ({ ...current, ...change }));
  };

  // Once the report is queued it is the queue's: a save still waiting would bring back, as a
  // draft, a report that may by then have been sent.
  const stopPendingSave = () => clearTimeout(pendingSave.current);

  return { draft, update, idempotencyKey, restored, stopPendingSave };
}
