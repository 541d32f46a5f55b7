import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api.ts';
import { useLanguage } from '../../i18n/index.ts';
import { invalidateUrls } from '../../query-client.ts';
import { staffWrite } from '../api.ts';

/**
 * Assign the selected reports at once. The server does all or none; a refusal names the report
 * that stopped the batch, so the officer can leave it out and send again.
 */
export function BulkAssign({ codes, onDone }: { codes: string[]; onDone(assigned: number): void }) {
  const { t } = useTranslation('console');
  const language = useLanguage();
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const client = useQueryClient();
  const assignment = useMutation({
    mutationFn: () => staffWrite('POST', '/api/console/bulk-assign', { codes, reason: reason.trim() || undefined, note: note.trim() || undefined }),
    onSuccess: () => {
      onDone(codes.length);
      return invalidateUrls(client, '/api/console/reports', '/api/moderation/queue');
    },
  });
  const busy = assignment.isPending;
  const error = assignment.error;
  const failure = error && t('bulk.failed', { message: error instanceof ApiError ? error.messageIn(language) : t('failure.unexpected') });

  return (
    <section className="bulk-assign" aria-label={t('bulk.assign')}>
      <strong aria-live="polite">{t('bulk.selected', { count: codes.length })}</strong>
      <label>
        {t('bulk.reason')}
        <input value={reason} maxLength={2000} onChange={(event) => setReason(event.target.value)} />
      </label>
      <label>
        {t('bulk.note')}
        <input value={note} maxLength={4000} onChange={(event) => setNote(event.target.value)} />
      </label>
      <button type="button" className="primary" disabled={busy || codes.length === 0} onClick={() => assignment.mutate()}>
        {t('bulk.assign')}
      </button>
      {failure && <p className="error" role="alert">{failure}</p>}
    </section>
  );
}
