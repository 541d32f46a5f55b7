import { useTranslation } from 'react-i18next';
import type { PublicReport } from '../report/public-report.ts';
import { rejectionReason } from './report-query.ts';

/** What only the sender sees: their report is held for moderation, or was rejected and why. */
export function SenderNotice({ report }: { report: PublicReport }) {
  const { t } = useTranslation('public');
  if (report.status === 'submitted') {
    return (
      <div className="sender-notice">
        <p className="sender-notice-title">{t('myReports.held.title')}</p>
        <p>{t('myReports.held.body')}</p>
      </div>
    );
  }
  if (report.status === 'rejected') {
    const reason = rejectionReason(report);
    return (
      <div className="sender-notice rejected">
        <p className="sender-notice-title">{t('myReports.rejected.title')}</p>
        <p>{reason ? t('myReports.rejected.reason', { reason }) : t('myReports.rejected.noReason')}</p>
      </div>
    );
  }
  return null;
}
