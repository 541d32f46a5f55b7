import type { NewRule } from '../../../../server/src/routing-rules/schemas.ts';
import type { Rule } from './rule-names.ts';

/** The rule form as typed: every field a string or list, turned into a rule only when sent. */
export interface RuleDraft {
  name: string;
  priority: string;
  categories: string[];
  city: '' | '36.71' | '36.74';
  kind: 'near_layer' | 'in_layer' | 'in_kelurahan' | 'in_kecamatan';
  layer: string;
  distanceM: string;
  areaCodes: string[];
  /** '' for the category's usual department. */
  department: string;
  /** '' for the desk of the kelurahan the report lies in. */
  targetKelurahan: string;
  responsibleUnit: string;
  isActive: boolean;
}

export const emptyDraft: RuleDraft = {
  name: '', priority: '100', categories: [], city: '', kind: 'near_layer', layer: '', distanceM: '50',
  areaCodes: [], department: '', targetKelurahan: '', responsibleUnit: '', isActive: true,
};

export function draftOf(rule: Rule): RuleDraft {
  const c = rule.condition;
  return {
    name: rule.name,
    priority: String(rule.priority),
    categories: rule.categories ?? [],
    city: rule.city ?? '',
    kind: c.kind,
    layer: 'layer' in c ? c.layer : '',
    distanceM: c.kind === 'near_layer' ? String(c.distance_m) : '50',
    areaCodes: 'codes' in c ? c.codes : [],
    department: rule.department ?? '',
    targetKelurahan: rule.target_kelurahan ?? '',
    responsibleUnit: rule.responsible_unit ?? '',
    isActive: rule.is_active,
  };
}

/** The body POST /api/routing/rules (and its preview) takes; the server checks every field. */
export function ruleOf(draft: RuleDraft): NewRule {
  const condition: NewRule['condition'] =
    draft.kind === 'near_layer' ? { kind: 'near_layer', layer: draft.layer, distance_m: Number(draft.distanceM) }
    : draft.kind === 'in_layer' ? { kind: 'in_layer', layer: draft.layer }
    : { kind: draft.kind, codes: draft.areaCodes };
  return {
    name: draft.name.trim(),
    priority: Number(draft.priority),
    categories: draft.categories.length ? draft.categories : null,
    city: draft.city || null,
    condition,
    department: draft.department || null,
    target_kelurahan: draft.targetKelurahan || null,
    responsible_unit: draft.responsibleUnit.trim() || null,
    is_active: draft.isActive,
  };
}
