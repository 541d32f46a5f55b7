import { sql, type Queryable } from '../db/database.ts';
import { appError } from '../http/error-catalogue.ts';
import type { NewRule, Rule, RuleEvent, RulePatch } from './schemas.ts';

// A rule as the API shows it, and as its audit events record it: the condition as one object,
// the layer by name.
const ruleView = sql`
  SELECT r.id::int, r.name, r.priority, r.category_codes AS categories, r.city_code AS city,
         jsonb_strip_nulls(jsonb_build_object(
           'kind', r.condition, 'codes', to_jsonb(r.area_codes), 'layer', l.name, 'distance_m', r.distance_m
         )) AS condition,
         r.department_code AS department, r.target_kelurahan_code AS target_kelurahan, r.responsible_unit, r.is_active,
         to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at,
         to_char(r.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at
  FROM routing_rules r
  LEFT JOIN layers l ON l.id = r.layer_id`;

/** In the order they are tried: highest priority first, then the older rule. */
export function listRules(db: Queryable): Promise<Rule[]> {
  return db.query<Rule>(sql`${ruleView} ORDER BY r.priority DESC, r.id`);
}

async function findRule(db: Queryable, id: number, lock = false): Promise<Rule | undefined> {
  const [rule] = await db.query<Rule>(sql`${ruleView} WHERE r.id = ${id} ${lock ? sql`FOR UPDATE OF r` : sql``}`);
  return rule;
}

interface References {
  unknown_categories: string[];
  unknown_areas: string[];
  layer_id: number | null;
  layer_has_polygons: boolean;
  department_exists: boolean;
  target_kelurahan_exists: boolean;
}

/**
 * Checks what the database cannot enforce on arrays (category and area codes exist) and says
 * clearly what a foreign key would only refuse. Returns the layer's id for storage.
 */
async function checkReferences(db: Queryable, rule: NewRule): Promise<number | null> {
  const c = rule.condition;
  const codes = 'codes' in c ? c.codes : [];
  const areaTable = c.kind === 'in_kecamatan' ? sql`kecamatan` : sql`kelurahan`;
  const [refs] = await db.query<References>(sql`
    SELECT ARRAY(SELECT x FROM unnest(${rule.categories ?? []}::text[]) AS x
                 WHERE NOT EXISTS (SELECT 1 FROM categories WHERE code = x)) AS unknown_categories,
           ARRAY(SELECT x FROM unnest(${codes}::text[]) AS x
                 WHERE NOT EXISTS (SELECT 1 FROM ${areaTable} WHERE code = x)) AS unknown_areas,
           l.id::int AS layer_id,
           EXISTS (SELECT 1 FROM layer_features f WHERE f.layer_id = l.id AND ST_Dimension(f.geom) = 2) AS layer_has_polygons,
           EXISTS (SELECT 1 FROM departments WHERE code = ${rule.department ?? null}) AS department_exists,
           EXISTS (SELECT 1 FROM kelurahan WHERE code = ${rule.target_kelurahan ?? null}) AS target_kelurahan_exists
    FROM (SELECT 1) AS one
    LEFT JOIN layers l ON l.name = ${'layer' in c ? c.layer : null}`);
  if (refs.unknown_categories.length) {
    throw appError('UNKNOWN_CATEGORY', { categories: refs.unknown_categories, details: { categories: refs.unknown_categories } });
  }
  if (refs.unknown_areas.length) {
    throw appError('UNKNOWN_AREA', {
      level: c.kind === 'in_kecamatan' ? 'kecamatan' : 'kelurahan', codes: refs.unknown_areas, details: { codes: refs.unknown_areas },
    });
  }
  if ('layer' in c && refs.layer_id === null) {
    throw appError('UNKNOWN_LAYER', { layer: c.layer });
  }
  if (c.kind === 'in_layer' && !refs.layer_has_polygons) {
    throw appError('LAYER_HAS_NO_POLYGONS', { layer: c.layer });
  }
  if (!rule.department && !rule.target_kelurahan) {
    throw appError('RULE_WITHOUT_TARGET');
  }
  if (rule.department && !refs.department_exists) {
    throw appError('UNKNOWN_DEPARTMENT', { department: rule.department });
  }
  if (rule.target_kelurahan && !refs.target_kelurahan_exists) {
    throw appError('UNKNOWN_KELURAHAN', { code: rule.target_kelurahan });
  }
  return refs.layer_id;
}

function columns(rule: NewRule, layerId: number | null) {
  const c = rule.condition;
  return {
    areaCodes: 'codes' in c ? c.codes : null,
    distanceM: c.kind === 'near_layer' ? c.distance_m : null,
    layerId,
  };
}

async function audit(tx: Queryable, ruleId: number, action: string, actor: string, oldValue: Rule | null, newValue: Rule | null) {
  await tx.query(sql`
    INSERT INTO routing_rule_events (rule_id, action, actor, old_value, new_value)
    VALUES (${ruleId}, ${action}, ${actor},
            ${oldValue ? JSON.stringify(oldValue) : null}, ${newValue ? JSON.stringify(newValue) : null})`);
}

/** Creates a rule; it applies to reports submitted from now on (see reroute.ts for open ones). */
export async function createRule(tx: Queryable, rule: NewRule, actor: string): Promise<Rule> {
  const c = columns(rule, await checkReferences(tx, rule));
  const [{ id }] = await tx.query<{ id: number }>(sql`
    INSERT INTO routing_rules (name, priority, category_codes, city_code, condition, area_codes, layer_id,
                               distance_m, department_code, target_kelurahan_code, responsible_unit, is_active)
    VALUES (${rule.name}, ${rule.priority}, ${rule.categories ?? null}, ${rule.city ?? null}, ${rule.condition.kind},
            ${c.areaCodes}, ${c.layerId}, ${c.distanceM}, ${rule.department ?? null}, ${rule.target_kelurahan ?? null},
            ${rule.responsible_unit ?? null},
            ${rule.is_active ?? true})
    RETURNING id::int`);
  const created = (await findRule(tx, id))!;
  await audit(tx, id, 'created', actor, null, created);
  return created;
}

/** Changes some fields of a rule; the merged rule is checked as a whole. */
export async function updateRule(tx: Queryable, id: number, patch: RulePatch, actor: string): Promise<Rule> {
  const old = await findRule(tx, id, true);
  if (!old) throw appError('RULE_NOT_FOUND', { id });
  const { id: _id, created_at: _c, updated_at: _u, ...current } = old;
  const merged: NewRule = { ...current, ...patch };
  const c = columns(merged, await checkReferences(tx, merged));
  await tx.query(sql`
    UPDATE routing_rules SET
      name = ${merged.name}, priority = ${merged.priority}, category_codes = ${merged.categories ?? null},
      city_code = ${merged.city ?? null}, condition = ${merged.condition.kind}, area_codes = ${c.areaCodes},
      layer_id = ${c.layerId}, distance_m = ${c.distanceM}, department_code = ${merged.department ?? null},
      target_kelurahan_code = ${merged.target_kelurahan ?? null},
      responsible_unit = ${merged.responsible_unit ?? null}, is_active = ${merged.is_active ?? true},
      updated_at = now()
    WHERE id = ${id}`);
  const updated = (await findRule(tx, id))!;
  await audit(tx, id, 'updated', actor, old, updated);
  return updated;
}

export async function deleteRule(tx: Queryable, id: number, actor: string): Promise<void> {
  const old = await findRule(tx, id, true);
  if (!old) throw appError('RULE_NOT_FOUND', { id });
  await tx.query(sql`DELETE FROM routing_rules WHERE id = ${id}`);
  await audit(tx, id, 'deleted', actor, old, null);
}

export function ruleEvents(db: Queryable, ruleId?: number): Promise<RuleEvent[]> {
  return db.query<RuleEvent>(sql`
    SELECT e.id::int, e.rule_id::int, e.action, e.actor, s.name AS actor_name, e.old_value, e.new_value,
           to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at
    FROM routing_rule_events e
    -- actor is 'staff:<id>' for people, 'system:…' otherwise
    LEFT JOIN staff s ON e.actor = 'staff:' || s.id
    WHERE ${ruleId === undefined ? sql`true` : sql`e.rule_id = ${ruleId}`}
    ORDER BY e.id DESC
    LIMIT 500`);
}
