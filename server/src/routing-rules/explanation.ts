import { Type, type Static } from 'typebox';

// reports.routing_explanation as the routing wrote it (routing-rules/route-report.ts, route_department.sql).
// It is stored JSON that outlives code changes, so every object keeps properties this schema
// does not name (additionalProperties), and the answer never loses what the database holds.
const open = { additionalProperties: true } as const;

const FeatureMatch = Type.Object({
  layer: Type.String(), id: Type.String(), name: Type.Optional(Type.String()), distance_m: Type.Number(),
}, open);

const ruleCondition = {
  condition: Type.String(),
  layer: Type.Optional(Type.String()),
  within_m: Type.Optional(Type.Number()),
  area_codes: Type.Optional(Type.Array(Type.String())),
};

/** The `department` part: which rule (or the category's default) chose the department. */
export const DepartmentExplanation = Type.Object({
  code: Type.String(),
  rule: Type.Union([Type.Literal('routing_rule'), Type.Literal('category_default')]),
  category: Type.String(),
  matched_rule: Type.Optional(Type.Object({ id: Type.Integer(), name: Type.String(), priority: Type.Integer(), ...ruleCondition }, open)),
  feature: Type.Optional(FeatureMatch),
  responsible_unit: Type.Optional(Type.String()),
  handling_kelurahan: Type.Optional(Type.Object({ code: Type.String(), name: Type.String() }, {
    ...open, description: 'The kelurahan whose desk handles the report, when the matched rule named one',
  })),
  considered: Type.Optional(Type.Array(Type.Object({
    rule_id: Type.Integer(), name: Type.String(), priority: Type.Integer(), matched: Type.Boolean(),
    department: Type.Optional(Type.String()), kelurahan_desk: Type.Optional(Type.String()),
    distance_m: Type.Optional(Type.Number()), feature: Type.Optional(FeatureMatch), ...ruleCondition,
  }, open), { description: 'Every active rule for this category and city, in the order tried; absent when there were none' })),
}, open);
export type DepartmentExplanation = Static<typeof DepartmentExplanation>;

/** The `kelurahan` part: which kelurahan the point fell in, or the nearest (route_kelurahan.sql). */
export const KelurahanExplanation = Type.Object({
  code: Type.String(), rule: Type.String(), distance_m: Type.Number(), candidates: Type.Array(Type.String()),
}, open);

export const RoutingExplanation = Type.Object({
  kelurahan: Type.Optional(KelurahanExplanation),
  department: Type.Optional(DepartmentExplanation),
}, { ...open, description: 'Why this kelurahan and department received the report' });
export type RoutingExplanation = Static<typeof RoutingExplanation>;
