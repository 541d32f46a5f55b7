import type { Dispatch, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { categoryName, useCategories } from '../categories.ts';
import { DateField } from '../i18n/DateField.tsx';
import { useLanguage } from '../i18n/index.ts';
import { analyticsUrls, withParam, type AnalyticsFilter } from './api.ts';
import { choroplethMeasures, type ChoroplethMeasure } from './choropleth-measures.ts';
import type { LayerKey } from './layers.ts';
import type { MethodParameters } from './method-parameters.ts';
import { TimeSlider } from './TimeSlider.tsx';

interface Props {
  parameters: MethodParameters;
  filter: AnalyticsFilter;
  onFilter: Dispatch<SetStateAction<AnalyticsFilter>>;
  visible: Record<LayerKey, boolean>;
  onToggle(layer: LayerKey, on: boolean): void;
  measure: ChoroplethMeasure;
  onMeasure(measure: ChoroplethMeasure): void;
}

const layerKeys: LayerKey[] = ['hotspots', 'emerging', 'heatmap', 'clusters', 'choropleth'];

/** Layer switches, the category and period (week slider and dates) every layer shares, and the downloads. */
export function LayerPanel({ parameters, filter, onFilter, visible, onToggle, measure, onMeasure }: Props) {
  const { t } = useTranslation('analytics');
  const language = useLanguage();
  const categories = useCategories();
  const urls = analyticsUrls(filter, parameters);
  const csv = (label: string, url: string) => [`${label} · CSV`, withParam(url, 'format', 'csv')];
  const geojson = (label: string, url: string) => [`${label} · GeoJSON`, withParam(url, 'download', 'true')];
  const downloads = [
    csv(t('layer.hotspots'), urls.hotspots), geojson(t('layer.hotspots'), urls.hotspots),
    csv(t('layer.emerging'), urls.emerging), geojson(t('layer.emerging'), urls.emerging),
    csv(t('layer.clusters'), urls.clusters), geojson(t('layer.clusters'), urls.clusters),
    csv(t('layer.choropleth'), urls.kelurahan), geojson(t('layer.choropleth'), urls.kelurahan),
    csv(t('weeklyChart'), urls.weekly),
  ];
  return (
    <form className="analytics-panel" onSubmit={(event) => event.preventDefault()}>
      <fieldset>
        <legend>{t('layers')}</legend>
        {layerKeys.map((key) => (
          <label key={key}>
            <input type="checkbox" checked={visible[key]} onChange={(event) => onToggle(key, event.target.checked)} />
            {t(`layer.${key}`)}
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
      <DateField label={t('since')} value={filter.since} onChange={(since) => onFilter((current) => ({ ...current, since }))} />
      <DateField label={t('until')} value={filter.until} onChange={(until) => onFilter((current) => ({ ...current, until }))} />
      <details>
        <summary>{t('downloads')}</summary>
        <ul>{downloads.map(([label, href]) => <li key={href}><a href={href} download>{label}</a></li>)}</ul>
      </details>
    </form>
  );
}
