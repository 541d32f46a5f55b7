import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/index.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { jsonQuery } from '../../query-client.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { deskReportUrl, type DeskReportDetail } from '../report/desk-report.ts';
import type { DeskReport } from './ReportTable.tsx';

/**
 * An inbox row opened out: the whole description (the row shows its start) and what the one
 * line leaves out. The full text comes from the report's own URL, shared with its page's cache.
 */
export function ReportDetails({ report }: { report: DeskReport }) {
  const { t } = useTranslation('console');
  const language = useLanguage();
  const { data, error } = useQuery(jsonQuery<DeskReportDetail>(deskReportUrl(report.code)));
  return (
    <div className="row-details">
      <ErrorMessage error={error} />
      <p className="description">{data ? data.description : report.summary}</p>
      <dl className="facts">
        <dt>{t('inbox.department')}</dt><dd>{report.department.short_name}</dd>
        <dt>{t('inbox.created')}</dt><dd><time dateTime={report.created_at}>{formatDateTime(report.created_at, language)}</time></dd>
        <dt>{t('inbox.support')}</dt><dd>{report.support_count}</dd>
        <dt>{t('inbox.channel')}</dt><dd>{t(`channel.${report.channel}`, { defaultValue: report.channel })}</dd>
      </dl>
    </div>
  );
}
