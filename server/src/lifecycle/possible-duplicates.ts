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
 * the resident, who may support one of them instead of filing the same problem again.
 */
export async function findPossibleDuplicates(
  db: Queryable,
  p: { lon: number; lat: number; category: string; radiusM: number; windowDays: number; excludeCode?: string },
): Promise<PossibleDuplicate[]> {
  return db.query<PossibleDuplicate>(sql`
    -- Distances to public points: a resident's pins must not triangulate a sensitive report.
    SELECT r.code, round(ST_Distance(r.public_location::geography, here::geography)::numeric, 1)::float8 AS distance_m,
           to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
           r.status, r.support_count, r.description, ST_Y(r.public_location) AS lat, ST_X(r.public_location) AS lon
    FROM reports r,
         (SELECT ST_SetSRID(ST_MakePoint(${p.lon}, ${p.lat}), 4326) AS here) AS point
    WHERE r.category_code = ${p.category}
      -- openStatuses written out: reports_open_category_idx (0041) has this predicate, and a
      -- bound list would not match it
      AND r.status IN ('published', 'assigned', 'in_progress')
      AND r.created_at > now() - make_interval(days => ${p.windowDays})
      -- bounding-box prefilter on the GiST index: 1° ≥ 100 km at this latitude, so radius/100 km
      -- in degrees is a little wider than the radius; then exact metres on the spheroid
      AND r.public_location && ST_Expand(here, ${p.radiusM} / 100000.0)
      AND ST_DWithin(r.public_location::geography, here::geography, ${p.radiusM})
      AND r.code IS DISTINCT FROM ${p.excludeCode ?? null}
    ORDER BY distance_m, r.created_at DESC
    LIMIT 10`);
}
