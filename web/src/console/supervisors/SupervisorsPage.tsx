import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Static } from 'typebox';
import type { Supervisors } from '../../../../server/src/supervisors/schemas.ts';
import { jsonQuery } from '../../query-client.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { SupervisorRow, supervisorsUrl } from './SupervisorRow.tsx';

// A few rows at a time: Tangerang and Tangerang Selatan have over 150 kelurahan.
const shownKelurahan = 12;

/**
 * Admins name who is told of overdue reports (server/src/supervisors/): the supervisor of each
 * department and of each kelurahan receives the escalation e-mail and the daily digest.
 */
export function SupervisorsPage() {
  const { t } = useTranslation('console');
  const supervisors = useQuery(jsonQuery<Static<typeof Supervisors>>(supervisorsUrl));
  const [search, setSearch] = useState('');
  const needle = useDeferredValue(search.trim().toLowerCase());
  const kelurahan = (supervisors.data?.kelurahan ?? [])
    .filter((k) => (needle === '' ? k.supervisor_email !== null : `${k.name} ${k.kecamatan_name}`.toLowerCase().includes(needle)))
    .slice(0, shownKelurahan);

  return (
    <div className="supervisors">
      <title>{`${t('supervisors.title')} · PetaWarga`}</title>
      <h1>{t('supervisors.title')}</h1>
      <p>{t('supervisors.intro')}</p>
      <ErrorMessage error={supervisors.error} />
      {supervisors.data && <>
        <h2>{t('supervisors.departments')}</h2>
        <table className="report-table">
          <thead><tr><th scope="col">{t('supervisors.department')}</th><th scope="col">{t('supervisors.email')}</th></tr></thead>
          <tbody>
            {supervisors.data.departments.map((d) => (
              <SupervisorRow key={d.code} name={d.name} place={d.city_name ?? t('supervisors.province')} email={d.supervisor_email}
                url={`${supervisorsUrl}/departments/${encodeURIComponent(d.code)}`} />
            ))}
          </tbody>
        </table>

        <h2>{t('supervisors.kelurahan')}</h2>
        <label htmlFor="supervisor-kelurahan-search">{t('supervisors.findKelurahan')}</label>
        <input id="supervisor-kelurahan-search" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        {kelurahan.length === 0 && <p>{needle === '' ? t('supervisors.noKelurahanYet') : t('supervisors.noMatch')}</p>}
        {kelurahan.length > 0 && (
          <table className="report-table">
            <thead><tr><th scope="col">{t('supervisors.kelurahanName')}</th><th scope="col">{t('supervisors.email')}</th></tr></thead>
            <tbody>
              {kelurahan.map((k) => (
                <SupervisorRow key={k.code} name={k.name} place={`${t('supervisors.kecamatanOf', { name: k.kecamatan_name })}, ${k.city_name}`}
                  email={k.supervisor_email} url={`${supervisorsUrl}/kelurahan/${encodeURIComponent(k.code)}`} />
              ))}
            </tbody>
          </table>
        )}
      </>}
    </div>
  );
}
