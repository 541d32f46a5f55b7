import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Static } from 'typebox';
import type { DepartmentServiceView } from '../../../../server/src/service-view/routes.ts';
import { formatDecimal } from '../../i18n/format.ts';
import { useLanguage } from '../../i18n/index.ts';
import { jsonQuery } from '../../query-client.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';

const periods = [30, 90, 365] as const;

/**
 * How each department serves residents (server/src/service-view/): open and overdue reports
 * now, and over a period how fast (median days) and how punctually (share on time) they resolve.
 */
export function ServicePage() {
  const { t } = useTranslation('console');
  const language = useLanguage();
  const [days, setDays] = useState<(typeof periods)[number]>(90);
  const view = useQuery(jsonQuery<Static<typeof DepartmentServiceView>>(`/api/service/departments?days=${days}`));
  const none = t('none');

  return (
    <div className="service-view">
      <title>{`${t('service.title')} · PetaWarga`}</title>
      <h1>{t('service.title')}</h1>
      <p>{t('service.intro')}</p>
      <label htmlFor="service-period">{t('service.period')}</label>{' '}
      <select id="service-period" value={days} onChange={(e) => setDays(Number(e.target.value) as typeof days)}>
        {periods.map((d) => <option key={d} value={d}>{t('service.lastDays', { count: d })}</option>)}
      </select>
      <ErrorMessage error={view.error} />
      {view.data && (
        <table className="report-table service-table">
          <thead>
            <tr>
              <th scope="col">{t('service.department')}</th>
              <th scope="col">{t('service.open')}</th>
              <th scope="col">{t('service.overdue')}</th>
              <th scope="col">{t('service.medianDays')}</th>
              <th scope="col">{t('service.onTime')}</th>
            </tr>
          </thead>
          <tbody>
            {view.data.departments.map((d) => (
              <tr key={d.code} className={d.overdue > 0 ? 'overdue' : undefined}>
                <th scope="row">{d.name}<br /><span className="muted">{d.city_name ?? t('supervisors.province')}</span></th>
                <td>{d.open}</td>
                <td>{d.overdue}</td>
                <td>{d.median_days_to_resolve === null ? none : t('service.days', { value: formatDecimal(d.median_days_to_resolve, 1, language) })}</td>
                <td>{d.on_time_rate === null ? none : `${formatDecimal(d.on_time_rate * 100, 0, language)} %`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="hint">{t('service.definitions')}</p>
    </div>
  );
}
