import { useTranslation } from 'react-i18next';
import { useCategories } from '../categories.ts';
import { KelurahanSearch } from '../KelurahanSearch.tsx';
import { allStatuses, defaultFilters, type InboxFilters } from './filters.ts';

/** The inbox's filters and sort order. */
export function Filters({ filters, onChange }: { filters: InboxFilters; onChange(f: InboxFilters): void }) {
  const { t } = useTranslation('console');
  const { categories, nameOf } = useCategories();
  const set = (change: Partial<InboxFilters>) => onChange({ ...filters, ...change });
  const toggleStatus = (status: string, on: boolean) =>
    set({ statuses: on ? [...filters.statuses, status] : filters.statuses.filter((s) => s !== status) });

  return (
    <section className="panel filters" aria-labelledby="filters-title">
      <h2 id="filters-title">{t('filters.title')}</h2>
      <fieldset>
        <legend>{t('filters.status')}</legend>
        <div className="checkbox-grid">
          {allStatuses.map((status) => (
            <label key={status} className="checkbox">
              <input type="checkbox" checked={filters.statuses.includes(status)}
                onChange={(event) => toggleStatus(status, event.target.checked)} />
              {t(`status.${status}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <label>
        {t('filters.category')}
        <select value={filters.category} onChange={(event) => set({ category: event.target.value })}>
          <option value="">{t('filters.allCategories')}</option>
          {categories.map((c) => <option key={c.code} value={c.code}>{nameOf(c.code)}</option>)}
        </select>
      </label>
      {filters.kelurahan ? (
        <p className="chosen">
          {t('filters.kelurahan')}: <strong>{filters.kelurahan.name}</strong>{' '}
          <button type="button" className="link-button" onClick={() => set({ kelurahan: null })}>
            {t('filters.clearKelurahan')}
          </button>
        </p>
      ) : (
        <KelurahanSearch label={t('filters.kelurahan')} onPick={(hit) => set({ kelurahan: { code: hit.code, name: hit.name } })} />
      )}
      <label className="checkbox">
        <input type="checkbox" checked={filters.overdueOnly} onChange={(event) => set({ overdueOnly: event.target.checked })} />
        {t('filters.overdueOnly')}
      </label>
      <div className="field-row">
        <label>
          {t('filters.createdFrom')}
          <input type="date" value={filters.createdFrom} onChange={(event) => set({ createdFrom: event.target.value })} />
        </label>
        <label>
          {t('filters.createdTo')}
          <input type="date" value={filters.createdTo} onChange={(event) => set({ createdTo: event.target.value })} />
        </label>
      </div>
      <label>
        {t('filters.sort')}
        <select value={filters.sort} onChange={(event) => set({ sort: event.target.value as InboxFilters['sort'] })}>
          <option value="due">{t('filters.sortDue')}</option>
          <option value="created">{t('filters.sortCreated')}</option>
        </select>
      </label>
      <button type="button" className="secondary" onClick={() => onChange(defaultFilters)}>{t('filters.reset')}</button>
    </section>
  );
}
