import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RuleEvent } from '../../../../server/src/routing-rules/schemas.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { useLanguage } from '../../i18n/index.ts';
import { jsonQuery } from '../../query-client.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { eventsUrl, useRuleNames, type Rule } from './rule-names.ts';

type Snapshot = Partial<Rule>;
const fields = ['name', 'priority', 'categories', 'condition', 'city', 'department', 'target_kelurahan', 'responsible_unit', 'is_active'] as const;
type Field = (typeof fields)[number];

/** Every change to a rule, newest first: who, when, and each field's old and new value in words. */
export function RuleAudit() {
  const { t } = useTranslation('console');
  const language = useLanguage();
  const names = useRuleNames();
  const events = useQuery(jsonQuery<{ events: RuleEvent[] }>(eventsUrl));

  const valueOf = (field: Field, snapshot: Snapshot): string => {
    const value = snapshot[field];
    switch (field) {
      case 'categories': return names.categoryList(snapshot.categories);
      case 'condition': return snapshot.condition ? names.condition(snapshot.condition) : t('none');
      case 'city': return names.city(snapshot.city);
      case 'department': return snapshot.department ? names.department(snapshot.department) : t('rules.defaultDepartment');
      case 'target_kelurahan': return snapshot.target_kelurahan
        ? t('rules.kelurahanDesk', { kelurahan: names.areaName(snapshot.target_kelurahan) }) : t('rules.noTargetKelurahan');
      case 'is_active': return snapshot.is_active ? t('rules.active') : t('rules.disabled');
      default: return value === null || value === undefined ? t('none') : String(value);
    }
  };
  const changes = (event: RuleEvent): string[] => {
    const before = event.old_value as Snapshot | null;
    const after = event.new_value as Snapshot | null;
    if (!before && after) return [t('rules.auditCreated', { rule: `${after.name} · ${names.condition(after.condition!)} → ${names.target(after as Rule)}` })];
    if (before && !after) return [t('rules.auditDeleted', { rule: before.name })];
    return fields
      .filter((field) => JSON.stringify(before?.[field] ?? null) !== JSON.stringify(after?.[field] ?? null))
      .map((field) => t('rules.auditChanged', {
        field: t(`rules.field.${field}`), from: valueOf(field, before ?? {}), to: valueOf(field, after ?? {}),
      }));
  };

  return (
    <section className="panel" aria-labelledby="rule-audit-title">
      <h2 id="rule-audit-title">{t('rules.auditTitle')}</h2>
      <ErrorMessage error={events.error} />
      {events.data?.events.length === 0 && <p>{t('rules.auditEmpty')}</p>}
      {events.data && events.data.events.length > 0 && (
        <table className="report-table rule-audit">
          <thead>
            <tr>
              <th scope="col">{t('rules.auditWhen')}</th>
              <th scope="col">{t('rules.auditWho')}</th>
              <th scope="col">{t('rules.auditRule')}</th>
              <th scope="col">{t('rules.auditWhat')}</th>
            </tr>
          </thead>
          <tbody>
            {events.data.events.map((event) => (
              <tr key={event.id}>
                <td>{formatDateTime(event.created_at, language)}</td>
                <td>{event.actor_name ?? t('rules.system')}</td>
                <td>{(event.new_value ?? event.old_value)?.name ?? `#${event.rule_id}`}</td>
                <td>
                  <ul className="plain-list">{changes(event).map((line) => <li key={line}>{line}</li>)}</ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
