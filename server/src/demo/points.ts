import { sql, type Queryable } from '../db/database.ts';
import { uniform } from './random.ts';

// Draws each slot's point and routes it with route_kelurahan (db/functions/route_kelurahan.sql),
// the same rule the API applies to a resident's pin. A point the rule refuses (outside the
// service area: a Gaussian tail past the city edge, a sliver between outline and kelurahan) is
// drawn again in the next round, from the same source, so the category mix and the count stay exact.

// A hotspot on the city edge (Cireundeu borders Jakarta) loses up to half its draws per round;
// 40 rounds leave a slot unrouted with odds below 1e-12 even there.
const maxRounds = 40;

export async function createRoutedTable(tx: Queryable): Promise<void> {
  await tx.query(sql`
    CREATE TEMP TABLE demo_routed (
      slot           bigint PRIMARY KEY,
      location       geometry(Point, 4326) NOT NULL,
      kelurahan_code text NOT NULL,
      kecamatan_code text NOT NULL,
      city_code      text NOT NULL,
      rule           text NOT NULL,
      distance_m     double precision NOT NULL,
      candidates     text[] NOT NULL
    ) ON COMMIT DROP`);
}

/** Draws and routes points until every slot has one. */
export async function drawRoutedPoints(tx: Queryable, seed: number): Promise<void> {
  for (let round = 0; round < maxRounds; round++) {
    await tx.query(drawRound(seed, round));
    const [{ missing }] = await tx.query<{ missing: number }>(sql`
      SELECT count(*)::int AS missing
      FROM demo_slot s WHERE NOT EXISTS (SELECT 1 FROM demo_routed r WHERE r.slot = s.slot)`);
    if (missing === 0) {
      await tx.query(sql`ANALYZE demo_routed`);
      return;
    }
  }
  throw new Error(`demo points: some sources never fall inside the service area after ${maxRounds} rounds; check the hotspots in profile.ts`);
}

function drawRound(seed: number, round: number) {
  // Each round's draws are keyed by (slot, round), so a redrawn point is a new point.
  const key = sql`slot * ${maxRounds} + ${round}`;
  return sql`
    WITH pending AS (
      SELECT s.*, row_number() OVER (PARTITION BY s.source_kelurahan ORDER BY s.slot) AS nth
      FROM demo_slot s
      WHERE NOT EXISTS (SELECT 1 FROM demo_routed r WHERE r.slot = s.slot)
    ),
    per_kelurahan AS (
      SELECT source_kelurahan, count(*)::int AS n
      FROM pending WHERE source_kelurahan IS NOT NULL
      GROUP BY source_kelurahan
    ),
    -- Uniform inside the polygon; ST_GeneratePoints is deterministic for a seed > 0, here one
    -- per (kelurahan, seed, round). Its points are independent of their order, so the nth
    -- pending slot of a kelurahan takes the nth point.
    diffuse AS (
      SELECT p.slot, d.geom AS location
      FROM per_kelurahan n
      JOIN kelurahan k ON k.code = n.source_kelurahan
      CROSS JOIN LATERAL ST_Dump(ST_GeneratePoints(
        k.geom, n.n, 1 + (hashtextextended(k.code, ${seed}::bigint * ${maxRounds} + ${round}) & 1073741823)::int)) AS d
      JOIN pending p ON p.source_kelurahan = n.source_kelurahan AND p.nth = d.path[1]
    ),
    -- Box–Muller: a radius with a Rayleigh distribution and a uniform bearing give a 2-D
    -- Gaussian around the centre, offset in UTM metres and brought back to lon/lat.
    clustered AS (
      SELECT slot,
             ST_Transform(ST_Translate(hotspot_centre,
               sigma_m * sqrt(-2 * ln(1 - ${uniform(seed, key, 1)})) * cos(2 * pi() * ${uniform(seed, key, 2)}),
               sigma_m * sqrt(-2 * ln(1 - ${uniform(seed, key, 1)})) * sin(2 * pi() * ${uniform(seed, key, 2)})),
             4326) AS location
      FROM pending WHERE hotspot_centre IS NOT NULL
    )
    INSERT INTO demo_routed (slot, location, kelurahan_code, kecamatan_code, city_code, rule, distance_m, candidates)
    SELECT c.slot, c.location, r.kelurahan_code, r.kecamatan_code, r.city_code, r.rule, r.distance_m, r.candidates
    FROM (SELECT * FROM diffuse UNION ALL SELECT * FROM clustered) AS c
    CROSS JOIN LATERAL route_kelurahan(c.location) AS r`;
}
