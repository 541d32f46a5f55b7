import type { FeatureCollection, Point } from 'geojson';
import { use } from 'react';
import { useTranslation } from 'react-i18next';
import { categoryName, loadCategories } from '../categories.ts';
import { useLanguage } from '../i18n/index.ts';
import { useJson } from './api.ts';
import { formatInstant } from './format.ts';
import type { Picked } from './layers.ts';
import { pickedReportsUrl, reportsInside } from './picked-reports.ts';

/** The newest public reports of the clicked hexagon, kelurahan or cluster, each linking to its page. */
export function PickedReports({ picked }: { picked: Picked }) {
  const { t } = useTranslation('analytics');
  const language = useLanguage();
  const categories = use(loadCategories());
  const loaded = useJson<FeatureCollection<Point>>(pickedReportsUrl(picked));
  if (!loaded || loaded.state === 'loading') return <p>{t('loading')}</p>;
  if (loaded.state === 'failed') return <p role="alert">{t('loadFailed', { message: loaded.message })}</p>;
  const reports = reportsInside(picked, loaded.data);
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
              {' '}{name(report.properties?.category)}, {formatInstant(String(report.properties?.created_at), language)}
            </li>
          ))}
        </ol>
      )}
      <p className="analytics-hint">{t('reportsHere.newest', { count: reports.length })}</p>
    </section>
  );
}
