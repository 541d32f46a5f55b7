import type { FeatureCollection } from 'geojson';
import { useTranslation } from 'react-i18next';
import { formatNumber } from './format.ts';
import { clusterColours } from './layers.ts';
import { cssColor } from './hotspot-bins.ts';

/** The DBSCAN hull's colour and the rule that made the clusters, with how many it found. */
export function ClusterLegend({ clusters, eps, minPoints }: { clusters?: FeatureCollection; eps: number; minPoints: number }) {
  const { t, i18n } = useTranslation('analytics');
  const n = (value: number) => formatNumber(value, 0, i18n.language, '');
  return (
    <section className="analytics-legend" data-testid="cluster-legend" aria-label={t('clusterLegend.title')}>
      <h3>{t('clusterLegend.title')}</h3>
      <ul>
        <li>
          <span className="swatch" style={{ background: cssColor(clusterColours.fill), borderColor: cssColor(clusterColours.line) }}
            aria-hidden="true" />
          {t('clusterLegend.rule', { minPoints: n(minPoints), eps: n(eps) })}
        </li>
      </ul>
      <p>{clusters ? t('clusterLegend.found', { n: n(clusters.features.length) }) : t('loading')}</p>
    </section>
  );
}
