import { useTranslation } from 'react-i18next';
import { cssColor, hotspotBins } from './hotspot-bins.ts';

/** The Gi* bins with their colours, hottest first, as ArcGIS lays its legend out. */
export function HotspotLegend() {
  const { t } = useTranslation('analytics');
  return (
    <section className="analytics-legend" data-testid="hotspot-legend" aria-label={t('legend.title')}>
      <h3>{t('legend.title')}</h3>
      <ul>
        {hotspotBins.map((b) => (
          <li key={b.bin}>
            <span className="swatch" style={{ background: cssColor(b.color) }} aria-hidden="true" />
            {t(`legend.${b.key}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
