import { useTranslation } from 'react-i18next';
import type { RoutingExplanation } from './desk-report.ts';

/** Why the report reached this desk: the kelurahan rule, the department rule, the rules tried. */
export function DeskRouting({ explanation }: { explanation: RoutingExplanation | null }) {
  const { t } = useTranslation();
  const kelurahan = explanation?.kelurahan;
  const department = explanation?.department;
  if (!kelurahan && !department) return null;
  const departmentRule = department?.matched_rule
    ? t('console.routing.routing_rule', { name: department.matched_rule.name, priority: department.matched_rule.priority })
    : t('console.routing.category_default', { category: department?.category });
  return (
    <section className="panel" aria-labelledby="routing-title">
      <h2 id="routing-title">{t('console.routing.title')}</h2>
      <ul className="plain-list">
        {kelurahan && (
          <li>{t('console.routing.kelurahan', { code: kelurahan.code, rule: kelurahan.rule, metres: Math.round(kelurahan.distance_m) })}</li>
        )}
        {department && <li>{t('console.routing.department', { code: department.code, rule: departmentRule })}</li>}
      </ul>
      {department?.considered && department.considered.length > 0 && (
        <details>
          <summary>{t('console.routing.considered')}</summary>
          <ul className="plain-list">
            {department.considered.map((rule) => (
              <li key={rule.rule_id}>
                {rule.name} → {rule.department}: {rule.matched ? t('console.routing.matched') : t('console.routing.notMatched')}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
