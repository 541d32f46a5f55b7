import { Type, type Static } from 'typebox';

export const Category = Type.Object({
  code: Type.String(), name_id: Type.String(), name_en: Type.String(),
  description_id: Type.String(), description_en: Type.String(),
  icon: Type.String(), color: Type.String(), department_kind: Type.String(),
});
export type Category = Static<typeof Category>;

export const Department = Type.Object({
  code: Type.String(),
  city_code: Type.Union([Type.String(), Type.Null()], { description: 'null for a provincial or national body' }),
  level: Type.Union(['city', 'enterprise', 'provincial', 'national'].map((l) => Type.Literal(l))),
  kind: Type.String(), name: Type.String(), short_name: Type.String(),
});
export type Department = Static<typeof Department>;
