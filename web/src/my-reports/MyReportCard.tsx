import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { categoryName } from '../categories.ts';
import { useLanguage } from '../i18n/index.ts';
import { formatDateTime } from '../i18n/format.ts';
import { CategoryIcon } from '../map/CategoryIcon.tsx';
import { AppLink } from '../navigation.tsx';
import { ReportPhotos } from '../report/ReportPhotos.tsx';
import { ReportTimeline } from '../report/ReportTimeline.tsx';
import { FollowUpActions } from './FollowUpActions.tsx';
import type { MyReport } from './my-reports-store.ts';
import { departmentResponse, reportQuery } from './report-query.ts';
import { SenderNotice } from './SenderNotice.tsx';

/** One report of "Laporan saya": where it stands, what the department answered, and the follow-up. */
export function MyReportCard({ saved }: { saved: MyReport }) {
  const { t } = useTranslation('public');
  const language = useLanguage();
  const report = useSuspenseQuery(reportQuery(saved.code, saved.token)).data;
  const response = departmentResponse(report);

  return (
    <article className="my-report" aria-labelledby={`my-report-${report.code}`}>
      <header className="my-report-header">
        <h2 id={`my-report-${report.code}`}>
          <AppLink href={`/r/${report.code}`} className="report-code">{report.code}</AppLink>
          <span className="my-report-category">
            <CategoryIcon code={report.category.code} /> {categoryName(report.category, language)}
          </span>
        </h2>
        <span className={`status-badge status-${report.status}`}>{t(`status.${report.status}`, { defaultValue: report.status })}</span>
      </header>
      <p className="hint">
        {saved.token ? t('myReports.sentAt', { when: formatDateTime(saved.savedAt, language) })
          : t('myReports.supportedAt', { when: formatDateTime(saved.savedAt, language) })}
        {' · '}{report.department.short_name}
      </p>
      <p className="my-report-description">{report.description}</p>
      <SenderNotice report={report} />
      {response && (
        <div className="department-response">
          <p className="sender-notice-title">{t('myReports.response', { department: report.department.short_name })}</p>
          <p>{response}</p>
        </div>
      )}
      {saved.token && <FollowUpActions report={report} residentToken={saved.token} />}
      <ReportPhotos photos={report.photos} />
      <details className="my-report-timeline">
        <summary>{t('myReports.showTimeline')}</summary>
        <ReportTimeline timeline={report.timeline} />
      </details>
    </article>
  );
}
