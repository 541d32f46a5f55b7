import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RulePatch } from '../../../../server/src/routing-rules/schemas.ts';
import { invalidateUrls } from '../../query-client.ts';
import { staffWrite } from '../api.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { eventsUrl, rulesUrl, useRuleNames, type Rule } from './rule-names.ts';

const maxPriority = 1000;
const minPriority = 1;

/**
 * Moving a rule past its neighbour gives it a priority one beyond the neighbour's, so one change
 * (one audited PATCH) reorders it; rules of equal priority are tried oldest first.
 */
function priorityPast(rule: Rule, neighbour: Rule, direction: 'up' | 'down'): number {
  return direction === 'up'
    ? Math.min(maxPriority, neighbour.priority + 1)
    : Math.max(minPriority, neighbour.priority - 1);
}

/** The rules in the order they are tried, with their conditions and targets in words; with `onEdit`, the controls that change them. */
export function RuleList({ rules, onEdit }: { rules: Rule[]; onEdit?(rule: Rule): void }) {
  const { t } = useTranslation('console');
  const client = useQueryClient();
  const names = useRuleNames();
  const change = useMutation({
    mutationFn: ({ rule, patch }: { rule: Rule; patch: RulePatch }) => staffWrite<Rule>('PATCH', `${rulesUrl}/${rule.id}`, patch),
    onSuccess: () => invalidateUrls(client, rulesUrl, eventsUrl),
  });
  const move = (index: number, direction: 'up' | 'down') => {
    const rule = rules[index];
    const neighbour = rules[direction === 'up' ? index - 1 : index + 1];
    change.mutate({ rule, patch: { priority: priorityPast(rule, neighbour, direction) } });
  };

  if (rules.length === 0) return <p>{t('rules.empty')}</p>;
  return (
    <>
      <ErrorMessage error={change.error} />
      <table className="report-table rule-table">
        <caption className="visually-hidden">{t('rules.listCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('rules.priority')}</th>
            <th scope="col">{t('rules.name')}</th>
            <th scope="col">{t('rules.categories')}</th>
            <th scope="col">{t('rules.where')}</th>
            <th scope="col">{t('rules.department')}</th>
            <th scope="col">{t('rules.state')}</th>
            {onEdit && <th scope="col">{t('rules.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {rules.map((rule, index) => (
            <tr key={rule.id} className={rule.is_active ? undefined : 'disabled-rule'}>
              <td>{rule.priority}</td>
              <th scope="row">{rule.name}</th>
              <td>{names.categoryList(rule.categories)}</td>
              <td>{names.condition(rule.condition)} · {names.city(rule.city)}</td>
              <td>
                {names.target(rule)}
                {rule.responsible_unit && <><br /><span className="muted">{t('rules.unitNamed', { unit: rule.responsible_unit })}</span></>}
              </td>
              <td>{rule.is_active ? t('rules.active') : t('rules.disabled')}</td>
              {onEdit && <td className="rule-actions">
                <button type="button" onClick={() => onEdit(rule)} aria-label={t('rules.editNamed', { name: rule.name })}>
                  {t('rules.edit')}
                </button>
                <button type="button" disabled={change.isPending}
                  onClick={() => change.mutate({ rule, patch: { is_active: !rule.is_active } })}
                  aria-label={t(rule.is_active ? 'rules.disableNamed' : 'rules.enableNamed', { name: rule.name })}>
                  {rule.is_active ? t('rules.disable') : t('rules.enable')}
                </button>
                <button type="button" disabled={change.isPending || index === 0 || rule.priority >= maxPriority}
                  onClick={() => move(index, 'up')} aria-label={t('rules.moveUpNamed', { name: rule.name })}>↑</button>
                <button type="button" disabled={change.isPending || index === rules.length - 1 || rule.priority <= minPriority}
                  onClick={() => move(index, 'down')} aria-label={t('rules.moveDownNamed', { name: rule.name })}>↓</button>
              </td>}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
