import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { jsonQuery } from '../../query-client.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import type { Staff } from '../session.ts';
import { LayerUpload } from './LayerUpload.tsx';
import { RerouteOpen } from './RerouteOpen.tsx';
import { RuleAudit } from './RuleAudit.tsx';
import { RuleForm } from './RuleForm.tsx';
import { RuleList } from './RuleList.tsx';
import { rulesUrl, type Rule } from './rule-names.ts';

type Editing = { mode: 'none' } | { mode: 'new' } | { mode: 'edit'; rule: Rule };

/**
 * Admins decide here who receives which reports where (server/src/routing-rules/): the rules in
 * the order they are tried, a draft previewed before it is saved, the layers rules test against,
 * and every change made. Other staff read what the API lets them read (the rules; the changes for
 * moderators) and see its refusals in words; the controls that change rules are for admins.
 */
export function RoutingRulesPage({ staff }: { staff: Staff }) {
  const { t } = useTranslation('console');
  const rules = useQuery(jsonQuery<{ rules: Rule[] }>(rulesUrl));
  const [editing, setEditing] = useState<Editing>({ mode: 'none' });
  const done = () => setEditing({ mode: 'none' });
  const canChange = staff.role === 'admin';

  return (
    <div className="routing-rules">
      <title>{`${t('rules.title')} · PetaWarga`}</title>
      <h1>{t('rules.title')}</h1>
      <p>{t('rules.intro')}</p>
      <ErrorMessage error={rules.error} />
      {rules.data && <>
        {canChange && editing.mode === 'none' && (
          <p><button type="button" onClick={() => setEditing({ mode: 'new' })}>{t('rules.new')}</button></p>
        )}
        {editing.mode === 'new' && <RuleForm onDone={done} />}
        {editing.mode === 'edit' && <RuleForm key={editing.rule.id} editing={editing.rule} onDone={done} />}
        <RuleList rules={rules.data.rules} onEdit={canChange ? (rule) => setEditing({ mode: 'edit', rule }) : undefined} />
        {canChange && <RerouteOpen />}
        <LayerUpload canUpload={canChange} />
        <RuleAudit />
      </>}
    </div>
  );
}
