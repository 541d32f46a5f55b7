import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { categoryName, useCategories } from '../categories.ts';
import { formatDay } from '../i18n/format.ts';
import { useLanguage } from '../i18n/index.ts';
import { jsonQuery } from '../query-client.ts';
import { LoadFailed } from './LoadFailed.tsx';
// The server's schemas, as types only: nothing of the server enters the bundle.
import type { Static } from 'typebox';
import type { WeeklyCounts } from '../../../server/src/analytics/schemas.ts';

type Weekly = Static<typeof WeeklyCounts>;

const width = 320;
const height = 140;
const pad = { left: 28, right: 8, top: 8, bottom: 18 };

/** Weekly counts per category as lines in a small SVG, each in its category's colour. */
export function WeeklyChart({ url }: { url: string }) {
  const { t } = useTranslation('analytics');
  const language = useLanguage();
  const categories = useCategories();
  const weekly = useQuery(jsonQuery<Weekly>(url));
  if (weekly.isError) return <LoadFailed error={weekly.error} />;
  if (!weekly.data) return <p>{t('loading')}</p>;
  const rows = weekly.data.weeks;
  if (rows.length === 0) return <p>{t('noData')}</p>;
  const weeks = [...new Set(rows.map((r) => r.week_start))];
  const max = Math.max(1, ...rows.map((r) => r.reports));
  const x = (week: string) => pad.left + (weeks.indexOf(week) / Math.max(1, weeks.length - 1)) * (width - pad.left - pad.right);
  const y = (n: number) => height - pad.bottom - (n / max) * (height - pad.top - pad.bottom);
  const byCategory = new Map<string, Weekly['weeks']>();
  for (const row of rows) byCategory.set(row.category, [...(byCategory.get(row.category) ?? []), row]);
  return (
    <figure className="weekly-chart">
      <figcaption>{t('weeklyChart')}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={t('weeklyChart')}>
        <line x1={pad.left} x2={width - pad.right} y1={y(0)} y2={y(0)} stroke="#999" />
        <text x={pad.left - 4} y={y(max) + 4} textAnchor="end" fontSize="10">{max}</text>
        <text x={pad.left - 4} y={y(0)} textAnchor="end" fontSize="10">0</text>
        <text x={pad.left} y={height - 4} fontSize="10">{formatDay(weeks[0], language)}</text>
        <text x={width - pad.right} y={height - 4} fontSize="10" textAnchor="end">{formatDay(weeks.at(-1)!, language)}</text>
        {[...byCategory].map(([code, series]) => {
          const category = categories.find((c) => c.code === code);
          return (
            <polyline key={code} fill="none" strokeWidth="1.5" stroke={category?.color ?? '#555'}
              points={series.map((r) => `${x(r.week_start)},${y(r.reports)}`).join(' ')}>
              <title>{category ? categoryName(category, language) : code}</title>
            </polyline>
          );
        })}
      </svg>
      <ul className="chart-key">
        {[...byCategory.keys()].map((code) => {
          const category = categories.find((c) => c.code === code);
          return (
            <li key={code}>
              <span className="swatch" style={{ background: category?.color ?? '#555' }} aria-hidden="true" />
              {category ? categoryName(category, language) : code}
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
