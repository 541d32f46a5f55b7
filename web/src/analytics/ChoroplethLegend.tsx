import { useTranslation } from 'react-i18next';
import { choroplethRanges, unknownColor } from './choropleth.ts';
import { measureDigits, type ChoroplethMeasure } from './choropleth-measures.ts';
import { formatNumber } from './format.ts';
import { cssColor } from './hotspot-bins.ts';

interface Props {
  measure: ChoroplethMeasure;
  max: number;
  /** Whether some kelurahan has no value of the measure (and is drawn grey). */
  someUnknown: boolean;
}

/** The choropleth's equal-interval classes of the measure shown, and grey for unknown. */
export function ChoroplethLegend({ measure, max, someUnknown }: Props) {
  const { t, i18n } = useTranslation('analytics');
  const digits = measureDigits(measure);
  const n = (value: number) => formatNumber(value, digits, i18n.language, '');
  const entries = choroplethRanges(max, digits).map(({ color, from, to }) => ({
    key: String(from), color, label: from === to ? n(from) : `${n(from)}–${n(to)}`,
  }));
  if (someUnknown) entries.push({ key: 'unknown', color: unknownColor, label: t('details.unknown') });
  return (
    <section className="analytics-legend" data-testid="choropleth-legend" aria-label={t(`measures.${measure}`)}>
      <h3>{t(`measures.${measure}`)}</h3>
      <ul>
        {entries.map(({ key, color, label }) => (
          <li key={key}>
            <span className="swatch" style={{ background: cssColor(color) }} aria-hidden="true" />
            {label}
          </li>
        ))}
      </ul>
    </section>
  );
}
