import { use, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { categoryName, loadCategories } from '../categories.ts';
import { useLanguage } from '../i18n/index.ts';
import { analyticsUrls, type AnalyticsFilter } from './api.ts';
import { choroplethMeasures, type ChoroplethMeasure } from './choropleth-measures.ts';
import type { LayerKey } from './layers.ts';
import { TimeSlider } from './TimeSlider.tsx';

interface Props {
  filter: AnalyticsFilter;
  onFilter: Dispatch<SetStateAction<AnalyticsFilter>>;
  visible: Record<LayerKey, boolean>;
  onToggle(layer: LayerKey, on: boolean): void;
  measure: ChoroplethMeasure;
  onMeasure(measure: ChoroplethMeasure): void;
}

const layerKeys: LayerKey[] = ['hotspots', 'emerging', 'heatmap', 'clusters', 'choropleth'];

/** Layer switches, the category and period (week slider and dates) every layer shares, and the downloads. */
export function LayerPanel({ filter, onFilter, visible, onToggle, measure, onMeasure }: Props) {
  const { t } = useTranslation('analytics');
  const language = useLanguage();
  const categories = use(loadCategories());
  const urls = analyticsUrls(filter);
  const downloads = [
    ['Gi* CSV', `${urls.hotspots}&format=csv`], ['Gi* GeoJSON', `${urls.hotspots}&download=true`],
    [`${t('emerging')} CSV`, `${urls.emerging}&format=csv`], [`${t('emerging')} GeoJSON`, `${urls.emerging}&download=true`],
    ['DBSCAN CSV', `${urls.clusters}&format=csv`], ['DBSCAN GeoJSON', `${urls.clusters}&download=true`],
    ['Kelurahan CSV', `${urls.kelurahan}&format=csv`], ['Kelurahan GeoJSON', `${urls.kelurahan}&download=true`],
    [`${t('weeklyChart')} CSV`, `${urls.weekly}&format=csv`],
  ];
  return (
    <form className="analytics-panel" onSubmit={(event) => event.preventDefault()}>
      <fieldset>
        <legend>{t('layers')}</legend>
        {layerKeys.map((key) => (
          <label key={key}>
            <input type="checkbox" checked={visible[key]} onChange={(event) => onToggle(key, event.target.checked)} />
            {t(key)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('measure')}
        <select value={measure} onChange={(event) => onMeasure(event.target.value as ChoroplethMeasure)}>
          {choroplethMeasures.map((m) => <option key={m.key} value={m.key}>{t(`measures.${m.key}`)}</option>)}
        </select>
      </label>
      <label>
        {t('category')}
        <select value={filter.category} onChange={(event) => onFilter({ ...filter, category: event.target.value })}>
          <option value="">{t('allCategories')}</option>
          {categories.map((c) => <option key={c.code} value={c.code}>{categoryName(c, language)}</option>)}
        </select>
      </label>
      <TimeSlider since={filter.since} until={filter.until}
        onWindow={(since, until) => onFilter((current) => ({ ...current, since, until }))} />
      <label>
        {t('since')}
        <input type="date" value={filter.since} onChange={(event) => onFilter({ ...filter, since: event.target.value })} />
      </label>
      <label>
        {t('until')}
        <input type="date" value={filter.until} onChange={(event) => onFilter({ ...filter, until: event.target.value })} />
      </label>
      <details>
        <summary>{t('downloads')}</summary>
        <ul>{downloads.map(([label, href]) => <li key={href}><a href={href} download>{label}</a></li>)}</ul>
      </details>
    </form>
  );
}
