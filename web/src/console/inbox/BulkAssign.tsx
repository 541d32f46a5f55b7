import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/index.ts';
import { postJson, type ApiError } from '../api.ts';

/**
 * Assign the selected reports at once. The server does all or none; a refusal names the report
 * that stopped the batch, so the officer can leave it out and send again.
 */
export function BulkAssign({ codes, onDone }: { codes: string[]; onDone(assigned: number): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const assign = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await postJson('/api/console/bulk-assign', { codes, reason: reason.trim() || undefined, note: note.trim() || undefined });
      onDone(codes.length);
    } catch (error) {
      setFailure(t('console.bulk.failed', { message: (error as ApiError).messageIn(language) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="bulk-assign" aria-label={t('console.bulk.assign')}>
      <strong aria-live="polite">{t('console.bulk.selected', { count: codes.length })}</strong>
      <label>
        {t('console.bulk.reason')}
        <input value={reason} maxLength={2000} onChange={(event) => setReason(event.target.value)} />
      </label>
      <label>
        {t('console.bulk.note')}
        <input value={note} maxLength={4000} onChange={(event) => setNote(event.target.value)} />
      </label>
      <button type="button" className="primary" disabled={busy || codes.length === 0} onClick={assign}>
        {t('console.bulk.assign')}
      </button>
      {failure && <p className="error" role="alert">{failure}</p>}
    </section>
  );
}
