import { useTranslation } from 'react-i18next';
import { choroplethClasses } from './choropleth.ts';
import { cssColor } from './hotspot-bins.ts';

/** The choropleth's equal-interval classes as report-count ranges. */
export function ChoroplethLegend({ maxReports }: { maxReports: number }) {
  const { t } = useTranslation('analytics');
  return (
    <section className="analytics-legend" data-testid="choropleth-legend" aria-label={t('choroplethLegend')}>
      <h3>{t('choroplethLegend')}</h3>
      <ul>
        {choroplethClasses(maxReports).map(({ color, from, to }) => (
          <li key={from}>
            <span className="swatch" style={{ background: cssColor(color) }} aria-hidden="true" />
            {from === to ? from : `${from}–${to}`}
          </li>
        ))}
      </ul>
    </section>
  );
}
