import type { FeatureCollection, Point } from 'geojson';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { categoryName, useCategories } from '../categories.ts';
import { formatDate } from '../i18n/format.ts';
import { useLanguage } from '../i18n/index.ts';
import { jsonQuery } from '../query-client.ts';
import { LoadFailed } from './LoadFailed.tsx';
import type { Picked } from './layers.ts';
import { pickedReportsUrl, reportsInside } from './picked-reports.ts';

/** The newest public reports of the clicked hexagon, kelurahan or cluster, each linking to its page. */
export function PickedReports({ picked }: { picked: Picked }) {
  const { t } = useTranslation('analytics');
  const language = useLanguage();
  const categories = useCategories();
  const page = useQuery(jsonQuery<FeatureCollection<Point>>(pickedReportsUrl(picked)));
  if (page.isError) return <LoadFailed error={page.error} />;
  if (!page.data) return <p>{t('loading')}</p>;
  const reports = reportsInside(picked, page.data);
  const name = (code: unknown) => {
    const category = categories.find((c) => c.code === code);
    return category ? categoryName(category, language) : String(code);
  };
  return (
    <section className="picked-reports" data-testid="picked-reports" aria-label={t('reportsHere.title')}>
      <h3>{t('reportsHere.title')}</h3>
      {reports.length === 0 ? <p>{t('reportsHere.none')}</p> : (
        <ol>
          {reports.map((report) => (
            <li key={String(report.properties?.code)}>
              <a href={`/r/${report.properties?.code}`}>{String(report.properties?.code)}</a>
              {' '}{name(report.properties?.category)}, {formatDate(String(report.properties?.created_at), language)}
            </li>
          ))}
        </ol>
      )}
      <p className="analytics-hint">{t('reportsHere.newest', { count: reports.length })}</p>
    </section>
  );
}
