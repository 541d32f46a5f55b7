import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../i18n/DateField.tsx';
import { useCategories } from '../categories.ts';
import { KelurahanSearch } from '../KelurahanSearch.tsx';
import { allStatuses, defaultFilters, type InboxFilters } from './filters.ts';

// On a phone the filters would push the list a screen down: there they start folded.
const foldedBelow = '(max-width: 700px)';

/** The inbox's filters (the list's column headings sort it). */
export function Filters({ filters, onChange }: { filters: InboxFilters; onChange(f: InboxFilters): void }) {
  const { t } = useTranslation('console');
  const { categories, nameOf } = useCategories();
  const [open, setOpen] = useState(() => !window.matchMedia(foldedBelow).matches);
  const set = (change: Partial<InboxFilters>) => onChange({ ...filters, ...change });
  const toggleStatus = (status: string, on: boolean) =>
    set({ statuses: on ? [...filters.statuses, status] : filters.statuses.filter((s) => s !== status) });

  return (
    <details className="panel filters" open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary><h2 id="filters-title">{t('filters.title')}</h2></summary>
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
        <DateField label={t('filters.createdFrom')} value={filters.createdFrom} onChange={(createdFrom) => set({ createdFrom })} />
        <DateField label={t('filters.createdTo')} value={filters.createdTo} onChange={(createdTo) => set({ createdTo })} />
      </div>
      <button type="button" className="secondary" onClick={() => onChange(defaultFilters)}>{t('filters.reset')}</button>
    </details>
  );
}
