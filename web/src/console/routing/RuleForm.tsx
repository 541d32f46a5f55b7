import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftEffect } from '../../../../server/src/routing-rules/schemas.ts';
import { invalidateUrls } from '../../query-client.ts';
import { staffWrite } from '../api.ts';
import { ErrorMessage } from '../ErrorMessage.tsx';
import { DraftPreview } from './DraftPreview.tsx';
import { draftOf, emptyDraft, ruleOf, type RuleDraft } from './draft.ts';
import { eventsUrl, layersUrl, rulesUrl, useRuleNames, type Rule } from './rule-names.ts';

const isPolygonLayer = (types: string[]) => types.some((type) => type.includes('Polygon'));

/**
 * A rule drafted, previewed against the open reports and those of the last 90 days, then saved.
 * With `editing`, the draft starts as that rule and the preview and save replace it.
 */
export function RuleForm({ editing, onDone }: { editing?: Rule; onDone(): void }) {
  const { t } = useTranslation('console');
  const id = useId();
  const client = useQueryClient();
  const names = useRuleNames();
  const [draft, setDraft] = useState<RuleDraft>(editing ? draftOf(editing) : emptyDraft);
  const preview = useMutation({
    mutationFn: (body: RuleDraft) => staffWrite<DraftEffect>('POST',
      `${rulesUrl}/preview${editing ? `?replaces=${editing.id}` : ''}`, ruleOf(body)),
  });
  const save = useMutation({
    mutationFn: (body: RuleDraft) => editing
      ? staffWrite<Rule>('PATCH', `${rulesUrl}/${editing.id}`, ruleOf(body))
      : staffWrite<Rule>('POST', rulesUrl, ruleOf(body)),
    onSuccess: async () => {
      await invalidateUrls(client, rulesUrl, eventsUrl, layersUrl);
      onDone();
    },
  });
  // A preview answers for the draft it was asked for; any change makes it stale.
  const update = (change: Partial<RuleDraft>) => {
    preview.reset();
    setDraft((current) => ({ ...current, ...change }));
  };
  const toggleCategory = (code: string, on: boolean) =>
    update({ categories: on ? [...draft.categories, code] : draft.categories.filter((c) => c !== code) });
  const layers = draft.kind === 'in_layer' ? names.layers.filter((l) => isPolygonLayer(l.geometry_types)) : names.layers;
  const areaOptions = draft.kind === 'in_kecamatan' ? names.areas?.kecamatan ?? [] : names.areas?.kelurahan ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(draft);
  };

  return (
    <form className="panel rule-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{editing ? t('rules.editTitle', { name: editing.name }) : t('rules.newTitle')}</h2>
      <div className="rule-form-grid">
        <label htmlFor={`${id}-name`}>{t('rules.name')}</label>
        <input id={`${id}-name`} value={draft.name} required minLength={3} maxLength={200}
          onChange={(e) => update({ name: e.target.value })} />

        <label htmlFor={`${id}-kind`}>{t('rules.conditionKind')}</label>
        <select id={`${id}-kind`} value={draft.kind}
          onChange={(e) => update({ kind: e.target.value as RuleDraft['kind'], areaCodes: [] })}>
          {(['near_layer', 'in_layer', 'in_kelurahan', 'in_kecamatan'] as const).map((kind) => (
            <option key={kind} value={kind}>{t(`rules.kind.${kind}`)}</option>
          ))}
        </select>

        {(draft.kind === 'near_layer' || draft.kind === 'in_layer') && <>
          <label htmlFor={`${id}-layer`}>{t('rules.layer')}</label>
          <select id={`${id}-layer`} value={draft.layer} required onChange={(e) => update({ layer: e.target.value })}>
            <option value="">{t('rules.pickLayer')}</option>
            {layers.map((l) => (
              <option key={l.name} value={l.name}>
                {t('rules.layerOption', { title: l.title ?? l.name, count: l.feature_count })}
              </option>
            ))}
          </select>
        </>}
        {draft.kind === 'near_layer' && <>
          <label htmlFor={`${id}-distance`}>{t('rules.distance')}</label>
          <input id={`${id}-distance`} type="number" min={1} max={5000} step="any" required value={draft.distanceM}
            onChange={(e) => update({ distanceM: e.target.value })} />
        </>}
        {(draft.kind === 'in_kelurahan' || draft.kind === 'in_kecamatan') && <>
          <label htmlFor={`${id}-areas`}>{t(`rules.areas.${draft.kind}`)}</label>
          <select id={`${id}-areas`} multiple required size={6} value={draft.areaCodes}
            onChange={(e) => update({ areaCodes: [...e.target.selectedOptions].map((o) => o.value) })}>
            {areaOptions.map((a) => <option key={a.code} value={a.code}>{a.name}</option>)}
          </select>
        </>}

        <label htmlFor={`${id}-department`}>{t('rules.department')}</label>
        <select id={`${id}-department`} value={draft.department} onChange={(e) => update({ department: e.target.value })}>
          <option value="">{t('rules.defaultDepartment')}</option>
          {names.departments.map((d) => <option key={d.code} value={d.code}>{d.name}</option>)}
        </select>

        <label htmlFor={`${id}-desk`}>{t('rules.targetKelurahan')}</label>
        <select id={`${id}-desk`} value={draft.targetKelurahan} aria-describedby={`${id}-desk-hint`}
          onChange={(e) => update({ targetKelurahan: e.target.value })}>
          <option value="">{t('rules.noTargetKelurahan')}</option>
          {names.areas?.kelurahan.map((k) => <option key={k.code} value={k.code}>{k.name}</option>)}
        </select>
        <span id={`${id}-desk-hint`} className="muted rule-form-hint">{t('rules.targetKelurahanHint')}</span>

        <label htmlFor={`${id}-unit`}>{t('rules.responsibleUnit')}</label>
        <input id={`${id}-unit`} value={draft.responsibleUnit} maxLength={200}
          onChange={(e) => update({ responsibleUnit: e.target.value })} />

        <label htmlFor={`${id}-city`}>{t('rules.cityLabel')}</label>
        <select id={`${id}-city`} value={draft.city} onChange={(e) => update({ city: e.target.value as RuleDraft['city'] })}>
          <option value="">{names.city(null)}</option>
          <option value="36.71">{names.city('36.71')}</option>
          <option value="36.74">{names.city('36.74')}</option>
        </select>

        <label htmlFor={`${id}-priority`}>{t('rules.priority')}</label>
        <input id={`${id}-priority`} type="number" min={1} max={1000} step={1} required value={draft.priority}
          onChange={(e) => update({ priority: e.target.value })} />
      </div>

      <fieldset>
        <legend>{t('rules.categories')}</legend>
        <p className="muted">{t('rules.categoriesHint')}</p>
        {names.categories.map((c) => (
          <label key={c.code} className="checkbox">
            <input type="checkbox" checked={draft.categories.includes(c.code)}
              onChange={(e) => toggleCategory(c.code, e.target.checked)} />
            {names.categoryName(c.code)}
          </label>
        ))}
      </fieldset>
      <label className="checkbox">
        <input type="checkbox" checked={draft.isActive} onChange={(e) => update({ isActive: e.target.checked })} />
        {t('rules.active')}
      </label>

      <div className="rule-form-actions">
        <button type="button" disabled={preview.isPending} onClick={() => preview.mutate(draft)}>{t('rules.preview')}</button>
        <button type="submit" disabled={save.isPending}>{editing ? t('rules.saveChanges') : t('rules.save')}</button>
        <button type="button" className="secondary" onClick={onDone}>{t('cancel')}</button>
      </div>
      <ErrorMessage error={preview.error ?? save.error} />
      {preview.data && <DraftPreview effect={preview.data} />}
    </form>
  );
}
