import { useTranslation } from 'react-i18next';
import { formatNumber } from './format.ts';
import type { Picked } from './layers.ts';

/** The numbers of the clicked hexagon, kelurahan or cluster. */
export function FeatureDetails({ picked }: { picked: Picked | null }) {
  const { t, i18n } = useTranslation('analytics');
  if (!picked) return <p className="analytics-hint">{t('clickHint')}</p>;
  const p = picked.properties;
  const n = (value: unknown, digits = 0) => formatNumber(value, digits, i18n.language, t('details.unknown'));
  const rows: [string, string][] =
    picked.layer === 'hotspots' ? [
      [t('details.cell'), `${p.i}, ${p.j}`], [t('details.reports'), n(p.count)],
      [t('details.z'), n(p.gi_z, 2)], [t('details.p'), n(p.gi_p, 3)], [t('details.bin'), String(p.bin)],
    ] : picked.layer === 'emerging' ? [
      [t('details.cell'), `${p.i}, ${p.j}`], [t('details.trend'), t(`emergingLegend.${p.label}`)],
      [t('details.reports'), n(p.count)], [t('details.hotWeeks'), n(p.hot_weeks)],
      [t('details.z'), n(p.trend_z, 2)], [t('details.p'), n(p.trend_p, 3)],
    ] : picked.layer === 'clusters' ? [
      [t('details.cluster'), String(p.cluster)], [t('details.reports'), n(p.reports)],
      [t('details.dominant'), String(p.dominant_category)],
    ] : [
      [t('details.kelurahan'), String(p.kelurahan_name)], [t('details.kecamatan'), String(p.kecamatan_name)],
      [t('details.reports'), n(p.reports)], [t('details.perThousand'), n(p.reports_per_1000, 2)],
      [t('details.medianDays'), n(p.median_days_to_resolve, 1)],
      [t('details.onTime'), p.pct_on_time == null ? t('details.unknown') : `${n(p.pct_on_time, 0)} %`],
    ];
  return (
    <dl className="analytics-details" data-testid="feature-details">
      {rows.map(([label, value]) => [<dt key={`${label}-t`}>{label}</dt>, <dd key={`${label}-d`}>{value}</dd>])}
    </dl>
  );
}
