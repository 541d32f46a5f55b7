import { Type, type Static } from 'typebox';

const LayerName = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$', description: 'A layer imported through POST /api/layers' });

/** The spatial condition of a rule; each kind carries exactly its own parameters. */
export const Condition = Type.Union([
  Type.Object({
    kind: Type.Literal('in_kelurahan'),
    codes: Type.Array(Type.String({ pattern: '^36\\.7[14]\\.[0-9]{2}\\.[0-9]{4}$' }), { minItems: 1, maxItems: 200 }),
  }, { additionalProperties: false }),
  Type.Object({
    kind: Type.Literal('in_kecamatan'),
    codes: Type.Array(Type.String({ pattern: '^36\\.7[14]\\.[0-9]{2}$' }), { minItems: 1, maxItems: 50 }),
  }, { additionalProperties: false }),
  Type.Object({
    kind: Type.Literal('in_layer'),
    layer: LayerName,
  }, { additionalProperties: false, description: 'Inside a polygon of the layer' }),
  Type.Object({
    kind: Type.Literal('near_layer'),
    layer: LayerName,
    distance_m: Type.Number({ exclusiveMinimum: 0, maximum: 5000, description: 'Geodesic metres' }),
  }, { additionalProperties: false, description: 'Within distance_m of any feature of the layer' }),
]);
export type Condition = Static<typeof Condition>;

const ruleFields = {
  name: Type.String({ minLength: 3, maxLength: 200 }),
  priority: Type.Integer({ minimum: 1, maximum: 1000, description: 'Higher wins; on a tie the older rule wins' }),
  categories: Type.Union([
    Type.Array(Type.String({ pattern: '^[a-z_]{2,40}$' }), { minItems: 1, maxItems: 50, uniqueItems: true }),
    Type.Null(),
  ], { description: 'Category codes; null for every category' }),
  city: Type.Union([Type.Literal('36.71'), Type.Literal('36.74'), Type.Null()], { description: 'null for both cities' }),
  condition: Condition,
  department: Type.Union([Type.String({ minLength: 2, maxLength: 60 }), Type.Null()], {
    description: 'Code of the receiving department or unit; null: the category\'s default (the rule then names target_kelurahan)',
  }),
  target_kelurahan: Type.Union([Type.String({ pattern: '^36\\.7[14]\\.[0-9]{2}\\.[0-9]{4}$' }), Type.Null()], {
    description: 'A kelurahan whose desk handles the report instead of the kelurahan it lies in; the report\'s location kelurahan is unchanged',
  }),
  responsible_unit: Type.Union([Type.String({ minLength: 2, maxLength: 200 }), Type.Null()], {
    description: 'Who answers on the ground instead of the kelurahan, e.g. a market office',
  }),
  is_active: Type.Boolean(),
};

export const NewRule = Type.Object({
  ...ruleFields,
  categories: Type.Optional(ruleFields.categories),
  city: Type.Optional(ruleFields.city),
  department: Type.Optional(ruleFields.department),
  target_kelurahan: Type.Optional(ruleFields.target_kelurahan),
  responsible_unit: Type.Optional(ruleFields.responsible_unit),
  is_active: Type.Optional(ruleFields.is_active),
}, { additionalProperties: false });
export type NewRule = Static<typeof NewRule>;

export const RulePatch = Type.Partial(Type.Object(ruleFields), { additionalProperties: false, minProperties: 1 });
export type RulePatch = Static<typeof RulePatch>;

export const Rule = Type.Object({
  id: Type.Integer(),
  ...ruleFields,
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
});
export type Rule = Static<typeof Rule>;

// An audit row keeps the rule as it was then: fields added to rules since are absent from old
// rows, and fields since removed stay, so the snapshot is a partial, open Rule.
const RuleSnapshot = Type.Union([Type.Partial(Rule, { additionalProperties: true }), Type.Null()]);

export const RuleEvent = Type.Object({
  id: Type.Integer(),
  rule_id: Type.Integer(),
  action: Type.Union([Type.Literal('created'), Type.Literal('updated'), Type.Literal('deleted')]),
  actor: Type.String({ description: "'staff:<id>' or 'system:seed'" }),
  actor_name: Type.Union([Type.String(), Type.Null()], { description: "The staff member's name; null for the system" }),
  old_value: RuleSnapshot,
  new_value: RuleSnapshot,
  created_at: Type.String({ format: 'date-time' }),
});
export type RuleEvent = Static<typeof RuleEvent>;

const NamedDepartment = Type.Object({ code: Type.String(), name: Type.String() });

/** A report a draft rule would move: where it is, where it would go, named for the reader. */
export const MovedReport = Type.Object({
  code: Type.String(),
  status: Type.String(),
  is_open: Type.Boolean(),
  category: Type.String({ description: 'Category code; GET /api/categories names it in both languages' }),
  lon: Type.Number(),
  lat: Type.Number(),
  created_at: Type.String({ format: 'date-time' }),
  kelurahan_name: Type.String(),
  kecamatan_name: Type.String(),
  from_department: NamedDepartment,
  to_department: NamedDepartment,
  from_kelurahan_desk: Type.Union([NamedDepartment, Type.Null()], { description: 'The kelurahan desk a rule had handed it to; null: where it lies' }),
  to_kelurahan_desk: Type.Union([NamedDepartment, Type.Null()], { description: 'The kelurahan desk the draft would hand it to; null: where it lies' }),
});

export const DraftEffect = Type.Object({
  count: Type.Integer({ description: 'Reports that would change desk: department or kelurahan' }),
  open_count: Type.Integer({ description: 'Of them, still open' }),
  recent_count: Type.Integer({ description: 'Of them, filed in the last `days` days' }),
  days: Type.Integer(),
  reports: Type.Array(MovedReport, { description: 'Open ones first, then newest; at most 500' }),
});
export type DraftEffect = Static<typeof DraftEffect>;
