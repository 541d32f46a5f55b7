import { useTranslation } from 'react-i18next';
import type { RoutingExplanation } from './desk-report.ts';

/** Why the report reached this desk: the kelurahan rule, the department rule, the rules tried. */
export function DeskRouting({ explanation }: { explanation: RoutingExplanation | null }) {
  const { t } = useTranslation('console');
  const kelurahan = explanation?.kelurahan;
  const department = explanation?.department;
  if (!kelurahan && !department) return null;
  const departmentRule = department?.matched_rule
    ? t('routing.routing_rule', { name: department.matched_rule.name, priority: department.matched_rule.priority })
    : t('routing.category_default', { category: department?.category });
  return (
    <section className="panel" aria-labelledby="routing-title">
      <h2 id="routing-title">{t('routing.title')}</h2>
      <ul className="plain-list">
        {kelurahan && (
          <li>{t('routing.kelurahan', { code: kelurahan.code, rule: kelurahan.rule, metres: Math.round(kelurahan.distance_m) })}</li>
        )}
        {department && <li>{t('routing.department', { code: department.code, rule: departmentRule })}</li>}
      </ul>
      {department?.considered && department.considered.length > 0 && (
        <details>
          <summary>{t('routing.considered')}</summary>
          <ul className="plain-list">
            {department.considered.map((rule) => (
              <li key={rule.rule_id}>
                {rule.name} → {rule.department}: {rule.matched ? t('routing.matched') : t('routing.notMatched')}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
