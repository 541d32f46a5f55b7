import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n/index.ts';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { AppLink } from '../../navigation.tsx';
import { useCategories } from '../categories.ts';
import { reportPath } from '../paths.ts';
import { StatusBadge } from '../StatusBadge.tsx';
// The server's schemas, as types only: nothing of the server enters the bundle.
import type { Static } from 'typebox';
import type { DeskReport as DeskReportSchema } from '../../../../server/src/console/schemas.ts';

/** One row of GET /api/console/reports. */
export type DeskReport = Static<typeof DeskReportSchema>;

interface Props {
  reports: DeskReport[];
  selected: Set<string>;
  onSelect(codes: string[], on: boolean): void;
}

/** The inbox as a table: one row per report, a checkbox each for bulk assignment. */
export function ReportTable({ reports, selected, onSelect }: Props) {
  const { t } = useTranslation('console');
  const language = useLanguage();
  const { nameOf } = useCategories();
  const allOn = reports.length > 0 && reports.every((r) => selected.has(r.code));

  return (
    <div className="table-scroll">
      <table className="report-table">
        <caption className="visually-hidden">{t('inbox.tableLabel')}</caption>
        <thead>
          <tr>
            <th scope="col">
              <input type="checkbox" aria-label={t('inbox.selectAll')} checked={allOn}
                onChange={(event) => onSelect(reports.map((r) => r.code), event.target.checked)} />
            </th>
            <th scope="col">{t('inbox.code')}</th>
            <th scope="col">{t('inbox.category')}</th>
            <th scope="col">{t('inbox.status')}</th>
            <th scope="col">{t('inbox.kelurahan')}</th>
            <th scope="col">{t('inbox.department')}</th>
            <th scope="col">{t('inbox.due')}</th>
            <th scope="col">{t('inbox.created')}</th>
            <th scope="col">{t('inbox.support')}</th>
            <th scope="col">{t('inbox.channel')}</th>
          </tr>
        </thead>
        <tbody>
          {reports.map((r) => (
            <tr key={r.code} className={r.overdue ? 'overdue' : undefined} data-code={r.code}>
              <td>
                <input type="checkbox" aria-label={t('inbox.select', { code: r.code })} checked={selected.has(r.code)}
                  onChange={(event) => onSelect([r.code], event.target.checked)} />
              </td>
              <td>
                <AppLink href={reportPath(r.code)} className="code">{r.code}</AppLink>
                <div className="summary">{r.summary}</div>
              </td>
              <td>{nameOf(r.category)}</td>
              <td><StatusBadge status={r.status} /></td>
              <td>{r.kelurahan.name}</td>
              <td>{r.department.short_name}</td>
              <td>
                {r.due_at ? <time dateTime={r.due_at}>{formatDate(r.due_at, language)}</time> : t('none')}
                {r.overdue && <span className="overdue-badge">{t('inbox.overdue')}</span>}
              </td>
              <td><time dateTime={r.created_at}>{formatDateTime(r.created_at, language)}</time></td>
              <td>{r.support_count}</td>
              <td>{t(`channel.${r.channel}`, { defaultValue: r.channel })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
