import { useSuspenseQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { categoryName } from '../categories.ts';
import { useLanguage } from '../i18n/index.ts';
import { formatCoordinates, formatDateTime } from '../i18n/format.ts';
import { CategoryIcon } from '../map/CategoryIcon.tsx';
import { PointMap } from '../map/PointMap.tsx';
import { FollowUpActions } from '../my-reports/FollowUpActions.tsx';
import { useResidentToken } from '../my-reports/my-reports-store.ts';
import { reportQuery } from '../my-reports/report-query.ts';
import { SenderNotice } from '../my-reports/SenderNotice.tsx';
import { ReportPhotos } from './ReportPhotos.tsx';
import { ReportTimeline } from './ReportTimeline.tsx';
import { RoutingExplanation } from './RoutingExplanation.tsx';

/** Everything the public may know about one report. */
export function ReportDetails({ code }: { code: string }) {
  const { t } = useTranslation('public');
  const language = useLanguage();
  const residentToken = useResidentToken(code);
  const report = useSuspenseQuery(reportQuery(code, residentToken)).data;
  const { location } = report;

  return (
    <article className="report-details">
      <title>{`${report.code} · PetaWarga`}</title>
      <header className="report-header">
        <p className="report-code">{report.code}</p>
        <h1>
          <span className="category-dot" style={{ background: report.category.color }} aria-hidden="true" />
          <CategoryIcon code={report.category.code} /> {categoryName(report.category, language)}
        </h1>
        <p>
          <span className={`status-badge status-${report.status}`}>{t(`status.${report.status}`, { defaultValue: report.status })}</span>
        </p>
        {report.is_overdue && <p className="hint warning overdue-mark">{t('reportPage.overdue')}</p>}
        {report.is_synthetic && <p className="hint warning">{t('reportPage.synthetic')}</p>}
        <SenderNotice report={report} />
        {residentToken && <FollowUpActions report={report} residentToken={residentToken} />}
      </header>

      <section className="report-section">
        <h2 className="visually-hidden">{t('reportPage.description')}</h2>
        <p className="report-description">{report.description}</p>
      </section>

      <section className="report-section">
        <h2>{t('reportPage.whereAndWho')}</h2>
        <dl className="facts">
          {report.address && (<><dt>{t('reportPage.address')}</dt><dd>{report.address}</dd></>)}
          <dt>{t('reportPage.kelurahan')}</dt>
          <dd>{report.kelurahan.name} <span className="muted">({report.kelurahan.code})</span></dd>
          <dt>{t('reportPage.kecamatan')}</dt>
          <dd>{report.kecamatan.name} <span className="muted">({report.kecamatan.code})</span></dd>
          <dt>{t('reportPage.city')}</dt>
          <dd>{report.city.name}</dd>
          <dt>{t('reportPage.coordinates')}</dt>
          <dd>
            {formatCoordinates(location.lat, location.lon)}
            {report.accuracy_m !== null && <> · {t('report.location.accuracy', { metres: Math.round(report.accuracy_m) })}</>}
          </dd>
          <dt>{t('reportPage.department')}</dt>
          <dd>{report.department.name} ({report.department.short_name})</dd>
          <dt>{t('reportPage.createdAt')}</dt>
          <dd><time dateTime={report.created_at}>{formatDateTime(report.created_at, language)}</time></dd>
          {report.due_at && (
            <>
              <dt>{t('reportPage.dueAt')}</dt>
              <dd><time dateTime={report.due_at}>{formatDateTime(report.due_at, language)}</time></dd>
            </>
          )}
          <dt>{t('reportPage.updatedAt')}</dt>
          <dd><time dateTime={report.updated_at}>{formatDateTime(report.updated_at, language)}</time></dd>
        </dl>
        <PointMap lat={location.lat} lon={location.lon} color={report.category.color} />
      </section>

      <ReportPhotos photos={report.photos} />
      <ReportTimeline timeline={report.timeline} />
      <RoutingExplanation report={report} />
    </article>
  );
}
