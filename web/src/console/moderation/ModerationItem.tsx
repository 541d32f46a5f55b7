import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { AppLink } from '../../navigation.tsx';
import { call, type ApiError } from '../api.ts';
import { useCategories } from '../categories.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { reportPath } from '../paths.ts';

/** One entry of GET /api/moderation/queue. */
export interface HeldReport {
  code: string;
  category: string;
  description: string;
  channel: string;
  kelurahan: string;
  department: string;
  moderation_flags: { flags: string[]; evidence: Record<string, string[]> } | null;
  created_at: string;
}

type Mode = 'idle' | 'edit' | 'reject';

/**
 * A held report and the moderator's three answers: publish it, edit personal data out of its
 * text (PATCH, audited with the old text kept privately), or reject it with a reason.
 */
export function ModerationItem({ report, onDecided }: { report: HeldReport; onDecided(message: string): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { nameOf } = useCategories();
  const [mode, setMode] = useState<Mode>('idle');
  const [description, setDescription] = useState(report.description);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const url = `/api/reports/${encodeURIComponent(report.code)}`;

  const act = async (request: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setError(null);
    try {
      await request();
      onDecided(message);
    } catch (failure) {
      setError(failure as ApiError);
    } finally {
      setBusy(false);
    }
  };
  const headingId = `held-${report.code}`;

  return (
    <li className="panel held-report" aria-labelledby={headingId}>
      <h2 id={headingId}><span className="code">{report.code}</span> · {nameOf(report.category)}</h2>
      <p className="muted">
        {report.kelurahan} · {report.department} · {t(`console.channel.${report.channel}`, { defaultValue: report.channel })} ·{' '}
        <time dateTime={report.created_at}>{formatDateTime(report.created_at, language)}</time>
      </p>
      <p className="description">{report.description}</p>
      {report.moderation_flags && (
        <dl className="facts">
          <dt>{t('console.moderation.flags')}</dt>
          <dd>{report.moderation_flags.flags.map((f) => t(`console.flag.${f}`, { defaultValue: f })).join(', ')}</dd>
          <dt>{t('console.moderation.evidence')}</dt>
          <dd>{Object.values(report.moderation_flags.evidence).flat().join(', ')}</dd>
        </dl>
      )}
      <ErrorMessage error={error} />
      {mode === 'edit' && (
        <div className="decision">
          <label>
            {t('console.moderation.editLabel')}
            <textarea value={description} rows={4} minLength={10} maxLength={2000} onChange={(e) => setDescription(e.target.value)} />
          </label>
          <label>
            {t('console.moderation.editReason')}
            <input value={text} maxLength={2000} onChange={(e) => setText(e.target.value)} />
          </label>
          <div className="button-row">
            <button type="button" className="primary" disabled={busy || !text.trim() || description.trim().length < 10}
              onClick={() => act(() => call('PATCH', url, { description, reason: text }), t('console.moderation.edited', { code: report.code }))}>
              {t('console.moderation.saveEdit')}
            </button>
            <button type="button" className="secondary" onClick={() => setMode('idle')}>{t('console.common.cancel')}</button>
          </div>
        </div>
      )}
      {mode === 'reject' && (
        <div className="decision">
          <label>
            {t('console.moderation.rejectReason')}
            <textarea value={text} rows={2} maxLength={2000} onChange={(e) => setText(e.target.value)} />
          </label>
          <div className="button-row">
            <button type="button" className="danger" disabled={busy || !text.trim()}
              onClick={() => act(() => call('POST', `${url}/status`, { to: 'rejected', reason: text }), t('console.moderation.rejected', { code: report.code }))}>
              {t('console.moderation.confirmReject')}
            </button>
            <button type="button" className="secondary" onClick={() => setMode('idle')}>{t('console.common.cancel')}</button>
          </div>
        </div>
      )}
      {mode === 'idle' && (
        <div className="button-row">
          <button type="button" className="primary" disabled={busy}
            onClick={() => act(() => call('POST', `${url}/status`, { to: 'published' }), t('console.moderation.approved', { code: report.code }))}>
            {t('console.moderation.approve')}
          </button>
          <button type="button" onClick={() => { setText(''); setMode('edit'); }}>{t('console.moderation.edit')}</button>
          <button type="button" className="danger-outline" onClick={() => { setText(''); setMode('reject'); }}>{t('console.moderation.reject')}</button>
          <AppLink href={reportPath(report.code)}>{t('console.moderation.open')}</AppLink>
        </div>
      )}
    </li>
  );
}
