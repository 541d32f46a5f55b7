import type { FeatureCollection } from 'geojson';
import { useTranslation } from 'react-i18next';
import { formatNumber } from './format.ts';
import { cssColor, hotspotBins } from './hotspot-bins.ts';

/**
 * The Gi* bins with their colours, hottest first, as ArcGIS lays its legend out, each with its
 * number of hexagons once the layer has loaded, and the reports they hold in the window.
 */
export function HotspotLegend({ cells }: { cells?: FeatureCollection }) {
  const { t, i18n } = useTranslation('analytics');
  const n = (value: number) => formatNumber(value, 0, i18n.language, '');
  const inBin = (bin: number) => cells?.features.filter((f) => Number(f.properties?.bin) === bin).length ?? 0;
  const reports = cells?.features.reduce((sum, f) => sum + Number(f.properties?.count ?? 0), 0) ?? 0;
  return (
    <section className="analytics-legend" data-testid="hotspot-legend" aria-label={t('legend.title')}>
      <h3>{t('legend.title')}</h3>
      <ul>
        {hotspotBins.map((b) => (
          <li key={b.bin}>
            <span className="swatch" style={{ background: cssColor(b.color) }} aria-hidden="true" />
            {t(`legend.${b.key}`)}
            {cells && <span className="legend-count">{n(inBin(b.bin))}</span>}
          </li>
        ))}
      </ul>
      <p data-testid="hotspot-total">
        {cells ? t('legend.total', { reports: n(reports), cells: n(cells.features.length) }) : t('loading')}
      </p>
    </section>
  );
}
