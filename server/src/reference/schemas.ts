import { Type, type Static } from 'typebox';

export const Category = Type.Object({
  code: Type.String(), name_id: Type.String(), name_en: Type.String(),
  description_id: Type.String(), description_en: Type.String(),
  icon: Type.String(), color: Type.String(), department_kind: Type.String(),
  sensitive: Type.Boolean({
    description: 'Its reports concern people: in public they stand at the centre of a grid square (SENSITIVE_GRID_M), not at their exact point',
  }),
});
export type Category = Static<typeof Category>;

export const Department = Type.Object({
  code: Type.String(),
  city_code: Type.Union([Type.String(), Type.Null()], { description: 'null for a provincial or national body' }),
  level: Type.Union(['city', 'enterprise', 'provincial', 'national'].map((l) => Type.Literal(l))),
  kind: Type.String(), name: Type.String(), short_name: Type.String(),
});
export type Department = Static<typeof Department>;
