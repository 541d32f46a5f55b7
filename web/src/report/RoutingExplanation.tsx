import { useTranslation } from 'react-i18next';
import type { PublicReport } from './public-report.ts';

/**
 * Why this kelurahan and this dinas received the report, in words (rules:
 * db/functions/route_kelurahan.sql and route_department.sql).
 */
export function RoutingExplanation({ report }: { report: PublicReport }) {
  const { t } = useTranslation('public');
  const kelurahan = report.routing_explanation?.kelurahan;
  const department = report.routing_explanation?.department;
  if (!kelurahan && !department) return null;
  return (
    <section className="report-section">
      <h2>{t('reportPage.routing.title')}</h2>
      <ul className="plain-list">
        {kelurahan && (
          <li>
            {t(`reportPage.routing.kelurahan.${kelurahan.rule}`, {
              defaultValue: t('reportPage.routing.kelurahan.other', { rule: kelurahan.rule }),
              kelurahan: report.kelurahan.name,
              metres: Math.round(kelurahan.distance_m),
              candidates: kelurahan.candidates.length,
            })}
          </li>
        )}
        {department && (
          <li>
            {department.rule === 'routing_rule' && department.matched_rule
              ? t('reportPage.routing.departmentByRule', {
                  department: report.department.name,
                  rule: department.matched_rule.name,
                })
              : t('reportPage.routing.department', { department: report.department.name, city: report.city.name })}
            {department.feature?.name && (
              <> {t('reportPage.routing.nearFeature', {
                name: department.feature.name,
                metres: Math.round(department.feature.distance_m),
              })}</>
            )}
          </li>
        )}
      </ul>
    </section>
  );
}
