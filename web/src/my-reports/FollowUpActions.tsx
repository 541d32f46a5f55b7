import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, fetchJson } from '../api.ts';
import { useLanguage } from '../i18n/index.ts';
import { invalidateUrls } from '../query-client.ts';
import { publicReportUrl, type PublicReport } from '../report/public-report.ts';

const reasonMax = 2000;

// Besides a resolution, the answers a sender may dispute by reopening (server/src/lifecycle/transitions.ts).
const disputableOutcomes = ['cannot_fix', 'no_action_needed'];

/**
 * "Sudah beres?" on a resolved report, for its sender: confirm the fix (the report is closed) or
 * reopen it with a reason; on a report found impossible to fix or needing no action, reopen it
 * when they disagree. Both prove the sender by the token kept on this device.
 */
export function FollowUpActions({ report, residentToken }: { report: PublicReport; residentToken: string }) {
  const { t } = useTranslation('public');
  const language = useLanguage();
  const client = useQueryClient();
  const [reopening, setReopening] = useState(false);
  const [reason, setReason] = useState('');
  const url = publicReportUrl(report.code);
  const done = () => invalidateUrls(client, url);
  const confirm = useMutation({
    mutationFn: () => fetchJson(`${url}/confirm-fixed`, { method: 'POST', body: { resident_token: residentToken } }),
    onSuccess: done,
  });
  const reopen = useMutation({
    mutationFn: () => fetchJson(`${url}/reopen`, { method: 'POST', body: { resident_token: residentToken, reason: reason.trim() } }),
    onSuccess: () => {
      setReopening(false);
      return done();
    },
  });
  const resolved = report.status === 'resolved';
  if (!resolved && !disputableOutcomes.includes(report.status)) return null;
  const words = resolved
    ? { question: t('myReports.fixed.question'), hint: t('myReports.fixed.hint'), reopen: t('myReports.fixed.notYet') }
    : { question: t('myReports.disagree.question'), hint: t('myReports.disagree.hint'), reopen: t('myReports.disagree.notYet') };
  const failure = confirm.error ?? reopen.error;
  const busy = confirm.isPending || reopen.isPending;

  const sendReopen = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim()) reopen.mutate();
  };

  return (
    <section className="follow-up" aria-labelledby={`follow-up-${report.code}`}>
      <h3 id={`follow-up-${report.code}`}>{words.question}</h3>
      <p className="hint">{words.hint}</p>
      {!reopening && (
        <div className="button-row">
          {resolved && (
            <button type="button" className="primary" disabled={busy} onClick={() => confirm.mutate()}>
              {t('myReports.fixed.confirm')}
            </button>
          )}
          <button type="button" className="secondary" disabled={busy} onClick={() => setReopening(true)}>
            {words.reopen}
          </button>
        </div>
      )}
      {reopening && (
        <form onSubmit={sendReopen} className="reopen-form">
          <label htmlFor={`reopen-reason-${report.code}`}>{t('myReports.reopen.label')}</label>
          <textarea
            id={`reopen-reason-${report.code}`} value={reason} maxLength={reasonMax} required
            onChange={(event) => setReason(event.target.value)}
          />
          <div className="button-row">
            <button type="submit" className="primary" disabled={busy || !reason.trim()}>{t('myReports.reopen.submit')}</button>
            <button type="button" className="secondary" disabled={busy} onClick={() => setReopening(false)}>
              {t('report.cancel')}
            </button>
          </div>
        </form>
      )}
      {failure && (
        <p className="field-error" role="alert">
          {failure instanceof ApiError ? failure.messageIn(language) : t('failure.unexpected')}
        </p>
      )}
    </section>
  );
}
