import { useTranslation } from 'react-i18next';
import { densityColours } from './density-colours.ts';
import { cssColor } from './hotspot-bins.ts';

/** The heatmap's ramp: a relative scale, so it says what the colours mean rather than fixed numbers. */
export function DensityLegend() {
  const { t } = useTranslation('analytics');
  const ramp = `linear-gradient(to right, ${densityColours.map(cssColor).join(', ')})`;
  return (
    <section className="analytics-legend" data-testid="density-legend" aria-label={t('densityLegend.title')}>
      <h3>{t('densityLegend.title')}</h3>
      <div className="density-ramp" style={{ background: ramp }} aria-hidden="true" />
      <p className="density-ends"><span>{t('densityLegend.sparse')}</span><span>{t('densityLegend.dense')}</span></p>
      <p>{t('densityLegend.explain')}</p>
    </section>
  );
}
