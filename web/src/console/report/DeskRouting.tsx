import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { categoryName } from '../../categories.ts';
import { useLanguage } from '../../i18n/index.ts';
import { jsonQuery } from '../../query-client.ts';
import type { DeskReportDetail } from './desk-report.ts';

const departmentsQuery = jsonQuery<{ departments: { code: string; name: string }[] }>('/api/departments');

/**
 * Why the report reached this desk: the kelurahan rule, the department rule, the rules tried.
 * The explanation stores codes (routing-rules/route-report.ts); the desk reads names.
 */
export function DeskRouting({ report }: { report: DeskReportDetail }) {
  const { t } = useTranslation('console');
  const language = useLanguage();
  const departments = useQuery(departmentsQuery).data?.departments ?? [];
  const departmentName = (code: string | undefined) =>
    code ? departments.find((d) => d.code === code)?.name ?? code : t('routing.defaultDepartment');
  const kelurahan = report.routing_explanation?.kelurahan;
  const department = report.routing_explanation?.department;
  if (!kelurahan && !department) return null;
  const departmentRule = department?.matched_rule
    ? t('routing.routing_rule', { name: department.matched_rule.name, priority: department.matched_rule.priority })
    : t('routing.category_default', { category: categoryName(report.category, language) });
  return (
    <section className="panel" aria-labelledby="routing-title">
      <h2 id="routing-title">{t('routing.title')}</h2>
      <ul className="plain-list">
        {kelurahan && (
          <li>
            {t(`routing.kelurahan.${kelurahan.rule}`, {
              defaultValue: t('routing.kelurahan.other', { kelurahan: report.kelurahan.name, rule: kelurahan.rule }),
              kelurahan: report.kelurahan.name,
              metres: Math.round(kelurahan.distance_m),
              candidates: kelurahan.candidates.length,
            })}
          </li>
        )}
        {department && <li>{t('routing.department', { department: report.department.name, rule: departmentRule })}</li>}
        {department?.handling_kelurahan && (
          <li>{t('routing.handlingKelurahan', { kelurahan: department.handling_kelurahan.name, located: report.kelurahan.name })}</li>
        )}
      </ul>
      {department?.considered && department.considered.length > 0 && (
        <details>
          <summary>{t('routing.considered')}</summary>
          <ul className="plain-list">
            {department.considered.map((rule) => (
              <li key={rule.rule_id}>
                {rule.name} → {departmentName(rule.department)}{rule.kelurahan_desk && ` + ${t('routing.kelurahanDesk', { code: rule.kelurahan_desk })}`}: {rule.matched ? t('routing.matched') : t('routing.notMatched')}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
