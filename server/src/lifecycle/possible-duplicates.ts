import { Type, type Static } from 'typebox';
import { sql, type Queryable } from '../db/database.ts';

/** A public open report near a new one: offered at submission and by the nearby lookup. */
export const PossibleDuplicate = Type.Object({
  code: Type.String(),
  distance_m: Type.Number({ description: 'Metres from the given point, on the spheroid' }),
  created_at: Type.String({ format: 'date-time' }),
  status: Type.String(),
  support_count: Type.Integer(),
  description: Type.String(),
  lat: Type.Number(),
  lon: Type.Number(),
});
export type PossibleDuplicate = Static<typeof PossibleDuplicate>;

/**
 * Open reports of the same category within `radiusM` metres and `windowDays` days: shown to
 * the resident, who may support one of them instead of filing the same problem again. The search
 * is db/functions/possible_duplicates.sql, which a new report runs too (submit_report.sql).
 */
export async function findPossibleDuplicates(
  db: Queryable,
  p: { lon: number; lat: number; category: string; radiusM: number; windowDays: number; excludeCode?: string },
): Promise<PossibleDuplicate[]> {
  return db.query<PossibleDuplicate>(sql`
    SELECT code, distance_m, created_at, status, support_count, description, lat, lon
    FROM possible_duplicates(ST_SetSRID(ST_MakePoint(${p.lon}, ${p.lat}), 4326), ${p.category},
                             ${p.radiusM}, ${p.windowDays}, ${p.excludeCode ?? null})`);
}
