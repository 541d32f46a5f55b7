import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/index.ts';
import { formatCoordinates, formatDateTime } from '../../i18n/format.ts';
import { CategoryIcon } from '../../map/CategoryIcon.tsx';
import { PointMap } from '../../map/PointMap.tsx';
import { AppLink } from '../../navigation.tsx';
import { jsonQuery } from '../../query-client.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { receiptPath } from '../paths.ts';
import type { Staff } from '../session.ts';
import { StatusBadge } from '../StatusBadge.tsx';
import { AfterPhotoUpload } from './AfterPhotoUpload.tsx';
import { deskReportUrl, type DeskReportDetail } from './desk-report.ts';
import { DeskPhotos } from './DeskPhotos.tsx';
import { DeskRouting } from './DeskRouting.tsx';
import { DeskTimeline } from './DeskTimeline.tsx';
import { Notes } from './Notes.tsx';
import { ReporterContact } from './ReporterContact.tsx';
import { StatusChange } from './StatusChange.tsx';

// Who proves a fix with photos: the roles that may resolve (server/src/console/routes.ts).
const fixers = ['admin', 'department_officer', 'kelurahan_officer'];

/** One report at the desk: facts, reporter, photos, status changes, notes, routing, history. */
export function ReportDeskPage({ code, staff }: { code: string; staff: Staff }) {
  const { t } = useTranslation('console');
  const language = useLanguage();
  const { data: report, error } = useQuery(jsonQuery<DeskReportDetail>(deskReportUrl(code)));
  const [changedTo, setChangedTo] = useState<string | null>(null);

  if (error) {
    return (
      <div className="report-desk">
        <AppLink href="/console">{t('detail.back')}</AppLink>
        <ErrorMessage error={error} />
      </div>
    );
  }
  if (!report) return <p>{t('loading')}</p>;
  const category = language === 'en' ? report.category.name_en : report.category.name_id;

  return (
    <div className="report-desk">
      <title>{`${report.code} · PetaWarga`}</title>
      <AppLink href="/console">{t('detail.back')}</AppLink>
      <header className="report-desk-header">
        <h1><span className="code">{report.code}</span> <CategoryIcon code={report.category.code} /> {category}</h1>
        <StatusBadge status={report.status} />
        {report.overdue && <span className="overdue-badge">{t('inbox.overdue')}</span>}
        <p className="links">
          <a href={`/r/${encodeURIComponent(report.code)}`} target="_blank" rel="noopener">{t('detail.publicPage')}</a>
          {' · '}
          <AppLink href={receiptPath(report.code)}>{t('detail.receipt')}</AppLink>
        </p>
        <p role="status" className="ok">{changedTo && t('statusChange.done', { status: t(`status.${changedTo}`) })}</p>
      </header>

      <div className="report-desk-columns">
        <div className="report-desk-record">
          <section className="panel" aria-labelledby="facts-title">
            <h2 id="facts-title">{t('detail.facts')}</h2>
            <p className="description">{report.description}</p>
            <dl className="facts">
              {report.address && <><dt>{t('detail.address')}</dt><dd>{report.address}</dd></>}
              <dt>{t('detail.location')}</dt>
              <dd>
                {formatCoordinates(report.location.lat, report.location.lon)}
                {report.location.is_approximate && <> · {t('detail.approximate')}</>}
              </dd>
              <dt>{t('detail.kelurahan')}</dt>
              <dd>{report.kelurahan.name}, {report.kecamatan.name}, {report.city.name}</dd>
              <dt>{t('detail.department')}</dt><dd>{report.department.name}</dd>
              <dt>{t('detail.channel')}</dt><dd>{t(`channel.${report.channel}`, { defaultValue: report.channel })}</dd>
              <dt>{t('detail.created')}</dt><dd>{formatDateTime(report.created_at, language)}</dd>
              <dt>{t('detail.due')}</dt><dd>{report.due_at ? formatDateTime(report.due_at, language) : t('none')}</dd>
              {report.resolved_at && <><dt>{t('detail.resolved')}</dt><dd>{formatDateTime(report.resolved_at, language)}</dd></>}
              {report.outcome_at && <><dt>{t('detail.outcome')}</dt><dd>{formatDateTime(report.outcome_at, language)}</dd></>}
              <dt>{t('detail.support')}</dt><dd>{report.support_count}</dd>
            </dl>
            {report.public_response && (
              <div className="public-response">
                <h3>{t('detail.publicResponse')}</h3>
                <p>{report.public_response}</p>
              </div>
            )}
            {report.moderation_flags && report.moderation_flags.flags.length > 0 && (
              <p className="flags">
                {t('detail.flags')}: {report.moderation_flags.flags.map((f) => t(`flag.${f}`, { defaultValue: f })).join(', ')}
              </p>
            )}
          </section>
          <ReporterContact reporter={report.reporter} />
          <PointMap lat={report.location.lat} lon={report.location.lon} color={report.category.color} />
          <DeskPhotos photos={report.photos} />
        </div>
        <div className="report-desk-work">
          <div className="report-desk-actions">
            <StatusChange key={report.status} report={report} onChanged={setChangedTo} />
            {fixers.includes(staff.role) && <AfterPhotoUpload code={report.code} />}
          </div>
          <Notes code={report.code} notes={report.notes} />
          <DeskRouting report={report} />
          <DeskTimeline events={report.events} />
        </div>
      </div>
    </div>
  );
}
