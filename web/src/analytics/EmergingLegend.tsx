import { useTranslation } from 'react-i18next';
import { emergingLabels } from './emerging-labels.ts';
import { cssColor } from './hotspot-bins.ts';

/** The seventeen trend categories with the rule behind each, in words. */
export function EmergingLegend() {
  const { t } = useTranslation('analytics');
  return (
    <section className="analytics-legend" data-testid="emerging-legend" aria-label={t('emergingLegend.title')}>
      <h3>{t('emergingLegend.title')}</h3>
      <ul>
        {emergingLabels.map(({ label, color }) => (
          <li key={label}>
            <span className="swatch" style={{ background: cssColor(color) }} aria-hidden="true" />
            {t(`emergingLegend.${label}`)}
          </li>
        ))}
      </ul>
    </section>
  );
}
