import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { AppLink } from '../../navigation.tsx';
import { invalidateUrls } from '../../query-client.ts';
import { staffWrite } from '../api.ts';
import { useCategories } from '../categories.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { reportPath } from '../paths.ts';
// The server's schemas, as types only: nothing of the server enters the bundle.
import type { Static } from 'typebox';
import type { HeldReport as HeldReportSchema } from '../../../../server/src/moderation/schemas.ts';
import { evidenceText } from './evidence.ts';

/** One entry of GET /api/moderation/queue. */
export type HeldReport = Static<typeof HeldReportSchema>;

type Mode = 'idle' | 'edit' | 'reject';

/** A moderator's answer: the request that makes it, and what to say once it is made. */
interface Decision {
  method: 'POST' | 'PATCH';
  path: '' | '/status';
  body: object;
  message: string;
}

/**
 * A held report and the moderator's three answers: publish it, edit personal data out of its
 * text (PATCH, audited with the old text kept privately), or reject it with a reason.
 */
export function ModerationItem({ report, onDecided }: { report: HeldReport; onDecided(message: string): void }) {
  const { t } = useTranslation('console');
  const language = useLanguage();
  const { nameOf } = useCategories();
  const [mode, setMode] = useState<Mode>('idle');
  const [description, setDescription] = useState(report.description);
  const [text, setText] = useState('');
  const url = `/api/reports/${encodeURIComponent(report.code)}`;
  const client = useQueryClient();
  const decision = useMutation({
    mutationFn: ({ method, path, body }: Decision) => staffWrite(method, `${url}${path}`, body),
    onSuccess: (_, { message }) => {
      onDecided(message);
      // The queue it leaves (or shows edited), and the inbox it may enter.
      return invalidateUrls(client, '/api/moderation/queue', '/api/console/reports');
    },
  });
  const busy = decision.isPending;
  const headingId = `held-${report.code}`;

  return (
    <li className="panel held-report" aria-labelledby={headingId}>
      <h2 id={headingId}><span className="code">{report.code}</span> · {nameOf(report.category)}</h2>
      <p className="muted">
        <span title={report.kelurahan}>{report.kelurahan_name}, {report.kecamatan_name}</span> ·{' '}
        <span title={report.department}>{report.department_name}</span> · {t(`channel.${report.channel}`, { defaultValue: report.channel })} ·{' '}
        <time dateTime={report.created_at}>{formatDateTime(report.created_at, language)}</time>
      </p>
      <p className="description">{report.description}</p>
      {report.moderation_flags && (
        <dl className="facts">
          <dt>{t('moderation.flags')}</dt>
          <dd>{report.moderation_flags.flags.map((f) => t(`flag.${f}`, { defaultValue: f })).join(', ')}</dd>
          <dt>{t('moderation.evidence')}</dt>
          <dd>{Object.values(report.moderation_flags.evidence).flat().map((value) => evidenceText(value, t)).join(', ')}</dd>
        </dl>
      )}
      <ErrorMessage error={decision.error} />
      {mode === 'edit' && (
        <div className="decision">
          <label>
            {t('moderation.editLabel')}
            <textarea value={description} rows={4} minLength={10} maxLength={2000} onChange={(e) => setDescription(e.target.value)} />
          </label>
          <label>
            {t('moderation.editReason')}
            <input value={text} maxLength={2000} onChange={(e) => setText(e.target.value)} />
          </label>
          <div className="button-row">
            <button type="button" className="primary" disabled={busy || !text.trim() || description.trim().length < 10}
              onClick={() => decision.mutate({ method: 'PATCH', path: '', body: { description, reason: text }, message: t('moderation.edited', { code: report.code }) })}>
              {t('moderation.saveEdit')}
            </button>
            <button type="button" className="secondary" onClick={() => setMode('idle')}>{t('cancel')}</button>
          </div>
        </div>
      )}
      {mode === 'reject' && (
        <div className="decision">
          <label>
            {t('moderation.rejectReason')}
            <textarea value={text} rows={2} maxLength={2000} onChange={(e) => setText(e.target.value)} />
          </label>
          <div className="button-row">
            <button type="button" className="danger" disabled={busy || !text.trim()}
              onClick={() => decision.mutate({ method: 'POST', path: '/status', body: { to: 'rejected', reason: text }, message: t('moderation.rejected', { code: report.code }) })}>
              {t('moderation.confirmReject')}
            </button>
            <button type="button" className="secondary" onClick={() => setMode('idle')}>{t('cancel')}</button>
          </div>
        </div>
      )}
      {mode === 'idle' && (
        <div className="button-row">
          <button type="button" className="primary" disabled={busy}
            onClick={() => decision.mutate({ method: 'POST', path: '/status', body: { to: 'published' }, message: t('moderation.approved', { code: report.code }) })}>
            {t('moderation.approve')}
          </button>
          <button type="button" onClick={() => { setText(''); setMode('edit'); }}>{t('moderation.edit')}</button>
          <button type="button" className="danger-outline" onClick={() => { setText(''); setMode('reject'); }}>{t('moderation.reject')}</button>
          <AppLink href={reportPath(report.code)}>{t('moderation.open')}</AppLink>
        </div>
      )}
    </li>
  );
}
