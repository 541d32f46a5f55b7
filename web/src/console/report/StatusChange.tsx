import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invalidateUrls } from '../../query-client.ts';
import { staffWrite } from '../api.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import type { DeskReportDetail } from './desk-report.ts';

type Requirement = DeskReportDetail['allowed_transitions'][number]['needs'][number];
type StatusBody = { to: string; response?: string; reason?: string; agency?: string };

/**
 * The status changes this staff member may make now (the server's allowed_transitions), each
 * with the fields it needs: the public response to resolve or give another outcome, the reason
 * to reject or to say a report cannot be fixed, the agency a report is referred to.
 */
export function StatusChange({ report, onChanged }: { report: DeskReportDetail; onChanged(status: string): void }) {
  const { t } = useTranslation('console');
  const [target, setTarget] = useState(report.allowed_transitions[0]?.to ?? '');
  const [fields, setFields] = useState({ response: '', reason: '', agency: '' });
  const transition = report.allowed_transitions.find((tr) => tr.to === target);
  const needs = transition?.needs ?? [];

  const client = useQueryClient();
  const change = useMutation({
    mutationFn: (body: StatusBody) => staffWrite('POST', `/api/reports/${encodeURIComponent(report.code)}/status`, body),
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

  // One text box when a change needs one text or none (the optional note is sent as its reason).
  const outcome = needs.length > 1 || needs.includes('agency');
  const label = (field: Requirement): string => {
    if (field === 'agency') return t('statusChange.agency');
    if (field === 'reason') return outcome ? t('statusChange.cannotFixReason') : t('statusChange.reason');
    return outcome || target !== 'resolved' ? t('statusChange.explanation') : t('statusChange.response');
  };
  const shown: Requirement[] = needs.length > 0 ? [...needs] : ['reason'];
  const complete = needs.every((field) => fields[field].trim());

  const apply = () => {
    if (!transition) return;
    const body: StatusBody = { to: target };
    for (const field of shown) if (fields[field].trim()) body[field] = fields[field].trim();
    change.mutate(body);
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
      {shown.map((field) => (
        <label key={field}>
          {needs.length === 0 ? t('statusChange.optionalReason') : label(field)}
          {field === 'agency'
            ? <input type="text" value={fields.agency} maxLength={200} required
              onChange={(event) => setFields({ ...fields, agency: event.target.value })} />
            : <textarea value={fields[field]} rows={3} maxLength={2000} required={needs.includes(field)}
              onChange={(event) => setFields({ ...fields, [field]: event.target.value })} />}
        </label>
      ))}
      <ErrorMessage error={change.error} />
      <button type="button" className="primary" disabled={change.isPending || !complete} onClick={apply}>
        {t('statusChange.apply', { status: t(`status.${target}`) })}
      </button>
    </section>
  );
}
