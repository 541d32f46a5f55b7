import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invalidateUrls } from '../../query-client.ts';
import { staffWrite } from '../api.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import type { DeskReportDetail } from './desk-report.ts';

/**
 * The status changes this staff member may make now (the server's allowed_transitions), each
 * with the text it needs: the public response to resolve, the reason to reject.
 */
export function StatusChange({ report, onChanged }: { report: DeskReportDetail; onChanged(status: string): void }) {
  const { t } = useTranslation('console');
  const [target, setTarget] = useState(report.allowed_transitions[0]?.to ?? '');
  const [text, setText] = useState('');
  const transition = report.allowed_transitions.find((tr) => tr.to === target);

  const client = useQueryClient();
  const change = useMutation({
    mutationFn: (body: { to: string; response?: string; reason?: string }) =>
      staffWrite('POST', `/api/reports/${encodeURIComponent(report.code)}/status`, body),
    onSuccess: (_, body) => {
      onChanged(body.to);
      // The report's page, and the inbox and queue it may move in or out of.
      return invalidateUrls(client, '/api/console/reports', '/api/moderation/queue');
    },
  });

  if (report.allowed_transitions.length === 0) {
    return (
      <section className="panel" aria-labelledby="status-title">
        <h2 id="status-title">{t('statusChange.title')}</h2>
        <p className="muted">{t('statusChange.none')}</p>
      </section>
    );
  }

  const textLabel = transition?.needs === 'response' ? t('statusChange.response')
    : transition?.needs === 'reason' ? t('statusChange.reason') : t('statusChange.optionalReason');

  const apply = () => {
    if (!transition) return;
    const note = text.trim() || undefined;
    change.mutate(transition.needs === 'response' ? { to: target, response: note } : { to: target, reason: note });
  };

  return (
    <section className="panel" aria-labelledby="status-title">
      <h2 id="status-title">{t('statusChange.title')}</h2>
      <fieldset className="transition-choice">
        <legend className="visually-hidden">{t('statusChange.title')}</legend>
        {report.allowed_transitions.map((tr) => (
          <label key={tr.to} className="checkbox">
            <input type="radio" name="transition" value={tr.to} checked={target === tr.to} onChange={() => setTarget(tr.to)} />
            {t('statusChange.to', { status: t(`status.${tr.to}`) })}
          </label>
        ))}
      </fieldset>
      <label>
        {textLabel}
        <textarea value={text} rows={3} maxLength={2000} required={Boolean(transition?.needs)}
          onChange={(event) => setText(event.target.value)} />
      </label>
      <ErrorMessage error={change.error} />
      <button type="button" className="primary" disabled={change.isPending || (Boolean(transition?.needs) && !text.trim())} onClick={apply}>
        {t('statusChange.apply', { status: t(`status.${target}`) })}
      </button>
    </section>
  );
}
