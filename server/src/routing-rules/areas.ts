import { Type, type Static } from 'typebox';
import { sql, type Queryable } from '../db/database.ts';

/** The kelurahan and kecamatan an area rule may name, so staff pick and read names, not codes. */
export const RuleAreas = Type.Object({
  kelurahan: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), kecamatan_code: Type.String() })),
  kecamatan: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), city_code: Type.String() })),
});
export type RuleAreas = Static<typeof RuleAreas>;

export async function ruleAreas(db: Queryable): Promise<RuleAreas> {
  const [areas] = await db.query<RuleAreas>(sql`
    SELECT (SELECT json_agg(json_build_object('code', code, 'name', name, 'kecamatan_code', kecamatan_code) ORDER BY name, code)
            FROM kelurahan) AS kelurahan,
           (SELECT json_agg(json_build_object('code', code, 'name', name, 'city_code', city_code) ORDER BY name, code)
            FROM kecamatan) AS kecamatan`);
  return areas;
}
