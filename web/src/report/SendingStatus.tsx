import { useTranslation } from 'react-i18next';
import type { Sending } from './use-report-sending.ts';

interface Props {
  sending: Exclude<Sending, { phase: 'editing' }>;
  onCancel(): void;
  onRetry(): void;
}

/** The report on its way: upload progress with cancel, or kept on the device until it can go. */
export function SendingStatus({ sending, onCancel, onRetry }: Props) {
  const { t } = useTranslation('public');
  if (sending.phase === 'waiting') {
    return (
      <div className="sending-status" role="status">
        <h3>{t('report.waiting.title')}</h3>
        <p>{t('report.waiting.body')}</p>
        <div className="button-row">
          <button type="button" onClick={onRetry}>{t('report.waiting.retry')}</button>
        </div>
      </div>
    );
  }
  const percent = sending.fraction === null ? null : Math.round(sending.fraction * 100);
  return (
    <div className="sending-status">
      <label htmlFor="report-upload-progress">{t('report.sending')}</label>
      <progress id="report-upload-progress" max={100} value={percent ?? undefined}>
        {percent !== null && `${percent}%`}
      </progress>
      <p className="hint" aria-live="polite">{percent !== null && t('report.upload.percent', { percent })}</p>
      <div className="button-row">
        <button type="button" className="secondary" onClick={onCancel}>{t('report.upload.cancel')}</button>
      </div>
    </div>
  );
}
