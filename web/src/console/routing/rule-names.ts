import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
// The server's schemas, as types only: nothing of the server enters the bundle.
import type { Department } from '../../../../server/src/reference/schemas.ts';
import type { LayerSummary } from '../../../../server/src/layers/schemas.ts';
import type { RuleAreas } from '../../../../server/src/routing-rules/areas.ts';
import type { Condition, Rule } from '../../../../server/src/routing-rules/schemas.ts';
import { jsonQuery } from '../../query-client.ts';
import { useCategories } from '../categories.ts';

export type { Condition, Rule };
export const rulesUrl = '/api/routing/rules';
export const eventsUrl = '/api/routing/rules/events';
export const layersUrl = '/api/layers';

export const departmentsQuery = jsonQuery<{ departments: Department[] }>('/api/departments');
export const areasQuery = jsonQuery<RuleAreas>('/api/routing/areas');
export const layersQuery = jsonQuery<{ layers: LayerSummary[] }>(layersUrl);

/** A rule's parts in words, with names in the reader's language where the rule holds codes. */
export function useRuleNames() {
  const { t } = useTranslation('console');
  const { categories, nameOf } = useCategories();
  const departments = useQuery(departmentsQuery).data?.departments ?? [];
  const areas = useQuery(areasQuery).data;
  const layers = useQuery(layersQuery).data?.layers ?? [];

  const department = (code: string) => departments.find((d) => d.code === code)?.name ?? code;
  /** Who a rule hands reports to: its department (or the category's usual one) and any kelurahan desk. */
  const target = (rule: Pick<Rule, 'department' | 'target_kelurahan'>) => [
    rule.department ? department(rule.department) : t('rules.defaultDepartment'),
    ...(rule.target_kelurahan ? [t('rules.kelurahanDesk', { kelurahan: areaName(rule.target_kelurahan) })] : []),
  ].join(' + ');
  const areaName = (code: string) =>
    areas?.kelurahan.find((k) => k.code === code)?.name ?? areas?.kecamatan.find((k) => k.code === code)?.name ?? code;
  const layer = (name: string) => layers.find((l) => l.name === name)?.title ?? name;
  const categoryList = (codes: string[] | null | undefined) =>
    codes ? codes.map(nameOf).join(', ') : t('rules.allCategories');
  const city = (code: string | null | undefined) =>
    t(code === '36.71' ? 'rules.city.tangerang' : code === '36.74' ? 'rules.city.tangerangSelatan' : 'rules.city.both');
  const condition = (c: Condition) => {
    switch (c.kind) {
      case 'near_layer': return t('rules.condition.near_layer', { metres: c.distance_m, layer: layer(c.layer) });
      case 'in_layer': return t('rules.condition.in_layer', { layer: layer(c.layer) });
      case 'in_kelurahan': return t('rules.condition.in_kelurahan', { areas: c.codes.map(areaName).join(', ') });
      case 'in_kecamatan': return t('rules.condition.in_kecamatan', { areas: c.codes.map(areaName).join(', ') });
    }
  };
  return { categories, departments, areas, layers, department, target, areaName, categoryList, city, condition, categoryName: nameOf };
}
