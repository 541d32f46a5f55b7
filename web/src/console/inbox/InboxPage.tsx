import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { FeatureCollection } from 'geojson';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { jsonQuery } from '../../query-client.ts';
import type { Staff } from '../session.ts';
import { BulkAssign } from './BulkAssign.tsx';
import { filterQuery, storedFilters, storeFilters, type InboxFilters } from './filters.ts';
import { Filters } from './Filters.tsx';
import { InboxMap } from './InboxMap.tsx';
import { ReportTable } from './ReportTable.tsx';
// The server's schema, as a type only: nothing of the server enters the bundle.
import type { Static } from 'typebox';
import type { ConsoleList } from '../../../../server/src/console/schemas.ts';

const pageSize = 50;
// The roles that may assign (lifecycle/transitions.ts: published → assigned).
const assigners = ['admin', 'moderator', 'department_officer', 'kelurahan_officer'];

/** The desk's inbox: filters, the list with bulk assignment, and the same reports on a map. */
export function InboxPage({ staff }: { staff: Staff }) {
  const { t } = useTranslation('console');
  const [filters, setFilters] = useState<InboxFilters>(storedFilters);
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [assigned, setAssigned] = useState<number | null>(null);

  const query = filterQuery(filters);
  const listUrl = `/api/console/reports?${query}&limit=${pageSize}&offset=${page * pageSize}`;
  const geojsonUrl = `/api/console/reports?${query}&format=geojson`;
  // Both keep the previous page or filter's reports on screen until the new ones come.
  const list = useQuery({ ...jsonQuery<Static<typeof ConsoleList>>(listUrl), placeholderData: keepPreviousData });
  const points = useQuery({ ...jsonQuery<FeatureCollection>(geojsonUrl), placeholderData: keepPreviousData });
  const pages = Math.max(1, Math.ceil((list.data?.total ?? 0) / pageSize));

  const changeFilters = (next: InboxFilters) => {
    storeFilters(next);
    setFilters(next);
    setPage(0);
    setSelected(new Set());
  };
  const select = (codes: string[], on: boolean) => {
    const next = new Set(selected);
    for (const code of codes) if (on) next.add(code); else next.delete(code);
    setSelected(next);
  };

  return (
    <div className="inbox">
      <title>{`${t('inbox.title')} · PetaWarga`}</title>
      <Filters filters={filters} onChange={changeFilters} />
      <section className="inbox-list" aria-labelledby="inbox-title">
        <div className="inbox-heading">
          <h1 id="inbox-title">{t('inbox.title')}</h1>
          {list.data && <span aria-live="polite">{t('inbox.count', { total: list.data.total })}</span>}
        </div>
        {assigners.includes(staff.role) && selected.size > 0 && (
          <BulkAssign codes={[...selected]} onDone={(count) => { setAssigned(count); setSelected(new Set()); }} />
        )}
        <p role="status" className="ok">{assigned !== null && t('bulk.done', { count: assigned })}</p>
        <ErrorMessage error={list.error} />
        {list.isLoading && <p>{t('loading')}</p>}
        {list.data && list.data.reports.length === 0 && <p>{t('inbox.empty')}</p>}
        {list.data && list.data.reports.length > 0 && (
          <ReportTable reports={list.data.reports} selected={selected} onSelect={select}
            sort={filters.sort} onSort={(sort) => changeFilters({ ...filters, sort })} />
        )}
        <nav className="pager" aria-label={t('inbox.page', { page: page + 1, pages })}>
          <button type="button" className="secondary" disabled={page === 0} onClick={() => setPage(page - 1)}>{t('inbox.previous')}</button>
          <span>{t('inbox.page', { page: page + 1, pages })}</span>
          <button type="button" className="secondary" disabled={page + 1 >= pages} onClick={() => setPage(page + 1)}>{t('inbox.next')}</button>
        </nav>
      </section>
      <section className="inbox-map-panel" aria-label={t('inbox.mapLabel')}>
        <InboxMap reports={points.data} />
        <p className="hint">{t('inbox.mapCapped')}</p>
      </section>
    </div>
  );
}
