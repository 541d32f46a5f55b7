import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { postJson, type ApiError } from '../api.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import type { DeskReportDetail } from './desk-report.ts';

/**
 * The status changes this staff member may make now (the server's allowed_transitions), each
 * with the text it needs: the public response to resolve, the reason to reject.
 */
export function StatusChange({ report, onChanged }: { report: DeskReportDetail; onChanged(status: string): void }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState(report.allowed_transitions[0]?.to ?? '');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const transition = report.allowed_transitions.find((tr) => tr.to === target);

  if (report.allowed_transitions.length === 0) {
    return (
      <section className="panel" aria-labelledby="status-title">
        <h2 id="status-title">{t('console.status.title')}</h2>
        <p className="muted">{t('console.status.none')}</p>
      </section>
    );
  }

  const textLabel = transition?.needs === 'response' ? t('console.status.response')
    : transition?.needs === 'reason' ? t('console.status.reason') : t('console.status.optionalReason');

  const apply = async () => {
    if (!transition) return;
    setBusy(true);
    setError(null);
    const note = text.trim() || undefined;
    const body = transition.needs === 'response' ? { to: target, response: note } : { to: target, reason: note };
    try {
      await postJson(`/api/reports/${encodeURIComponent(report.code)}/status`, body);
      onChanged(target);
    } catch (failure) {
      setError(failure as ApiError);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="status-title">
      <h2 id="status-title">{t('console.status.title')}</h2>
      <fieldset className="transition-choice">
        <legend className="visually-hidden">{t('console.status.title')}</legend>
        {report.allowed_transitions.map((tr) => (
          <label key={tr.to} className="checkbox">
            <input type="radio" name="transition" value={tr.to} checked={target === tr.to} onChange={() => setTarget(tr.to)} />
            {t('console.status.to', { status: t(`status.${tr.to}`) })}
          </label>
        ))}
      </fieldset>
      <label>
        {textLabel}
        <textarea value={text} rows={3} maxLength={2000} required={Boolean(transition?.needs)}
          onChange={(event) => setText(event.target.value)} />
      </label>
      <ErrorMessage error={error} />
      <button type="button" className="primary" disabled={busy || (Boolean(transition?.needs) && !text.trim())} onClick={apply}>
        {t('console.status.apply', { status: t(`status.${target}`) })}
      </button>
    </section>
  );
}
