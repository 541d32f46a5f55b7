import type { FeatureCollection, Polygon } from 'geojson';
import { useTranslation } from 'react-i18next';
import { formatNumber } from './format.ts';
import { hotspotBins } from './hotspot-bins.ts';
import type { Picked } from './layers.ts';
import { hexCentre, kelurahanAt } from './place.ts';

interface Props {
  picked: Picked | null;
  /** The kelurahan polygons, to name the place a clicked hexagon's centre lies in. */
  kelurahan?: FeatureCollection;
  weeks: number;
}

/** The clicked hexagon, kelurahan or cluster: its place and result in one sentence, then its numbers. */
export function FeatureDetails({ picked, kelurahan, weeks }: Props) {
  const { t, i18n } = useTranslation('analytics');
  if (!picked) return <p className="analytics-hint">{t('clickHint')}</p>;
  const p = picked.properties;
  const n = (value: unknown, digits = 0) => formatNumber(value, digits, i18n.language, t('details.unknown'));
  const hexagon = picked.layer === 'hotspots' || picked.layer === 'emerging';
  const place = hexagon
    ? kelurahanAt(kelurahan, hexCentre(picked.geometry as Polygon)) ?? t('statement.outside')
    : null;
  const bin = hotspotBins.find((b) => b.bin === Number(p.bin));
  const statement =
    picked.layer === 'hotspots'
      ? t('statement.hotspot', { place, result: t(`legend.${bin?.key ?? 'none'}`), reports: n(p.count) })
      : picked.layer === 'emerging'
        ? t('statement.emerging', {
          place, result: t(`emergingLegend.${String(p.label)}`, { defaultValue: t('statement.noTrend') }),
          reports: n(p.count), weeks: n(weeks), hot: n(p.hot_weeks),
        })
        : null;
  const rows: [string, string][] =
    picked.layer === 'hotspots' ? [
      [t('details.reports'), n(p.count)], [t('details.z'), n(p.gi_z, 2)], [t('details.p'), n(p.gi_p, 3)],
    ] : picked.layer === 'emerging' ? [
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
      [t('details.referred'), n(p.referred)], [t('details.cannotFix'), n(p.cannot_fix)],
      [t('details.noActionNeeded'), n(p.no_action_needed)],
    ];
  return (
    <section className="analytics-details" data-testid="feature-details">
      {statement && <p className="analytics-statement" data-testid="feature-statement">{statement}</p>}
      <dl>
        {rows.map(([label, value]) => [<dt key={`${label}-t`}>{label}</dt>, <dd key={`${label}-d`}>{value}</dd>])}
      </dl>
    </section>
  );
}
