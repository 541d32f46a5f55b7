import { sql, type Queryable } from '../db/database.ts';
import type { DemoPlan } from './plan.ts';
import { densityAreaExponent } from './profile.ts';
import { uniform } from './random.ts';

// One row per report to be drawn ("slot"): its category and where its point is sampled from,
// either inside one kelurahan (diffuse) or around a hotspot centre (clustered). Slots are
// numbered 0..N-1; every later draw for a report is keyed by its slot number and the seed.

export async function createSlots(tx: Queryable, plan: DemoPlan, seed: number): Promise<number> {
  await tx.query(sql`
    CREATE TEMP TABLE demo_slot (
      slot             bigint PRIMARY KEY,
      category_code    text NOT NULL,
      source_kelurahan text,               -- diffuse: uniform inside this kelurahan polygon
      hotspot_centre   geometry(Point, 32748), -- clustered: Gaussian around this centre (UTM 48S, metres)
      sigma_m          double precision
    ) ON COMMIT DROP`);

  const h = plan.hotspots;
  const firstSlots = h.map((_, i) => h.slice(0, i).reduce((sum, x) => sum + x.count, 0));
  const hotspotTotal = h.reduce((sum, x) => sum + x.count, 0);
  await tx.query(sql`
    INSERT INTO demo_slot (slot, category_code, hotspot_centre, sigma_m)
    SELECT h.first_slot + i, h.category_code,
           -- UTM zone 48S: offsets in metres are plain additions there.
           ST_Transform(k.label_point, 32748), h.sigma_m
    FROM unnest(${h.map((x) => x.category)}::text[], ${h.map((x) => x.kecamatan)}::text[],
                ${h.map((x) => x.kelurahan)}::text[], ${h.map((x) => x.sigmaM)}::float8[],
                ${h.map((x) => x.count)}::int[], ${firstSlots}::bigint[])
           AS h (category_code, kecamatan_name, kelurahan_name, sigma_m, n, first_slot)
    JOIN kecamatan kc ON kc.name = h.kecamatan_name
    JOIN kelurahan k ON k.kecamatan_code = kc.code AND k.name = h.kelurahan_name
    CROSS JOIN generate_series(0, h.n - 1) AS i`);

  // Diffuse reports: apportioned to kelurahan by the density assumption (profile.ts), by
  // largest remainder so the total is exact, then given categories by a random permutation so
  // that a diffuse report's category does not depend on where it is.
  const diffuseTotal = plan.diffuseCounts.reduce((a, b) => a + b, 0);
  let running = 0;
  const categoryEnds = plan.diffuseCounts.slice(0, -1).map((n) => (running += n));
  await tx.query(sql`
    INSERT INTO demo_slot (slot, category_code, source_kelurahan)
    WITH weighted AS (
      SELECT code, ${diffuseTotal} * w / sum(w) OVER () AS exact
      FROM (SELECT code, power(COALESCE(area_km2, ST_Area(geom::geography) / 1e6), ${densityAreaExponent}::float8) AS w
            FROM kelurahan) AS k
    ),
    apportioned AS (
      SELECT code,
             floor(exact)::int
               + (row_number() OVER (ORDER BY exact - floor(exact) DESC, code)
                  <= ${diffuseTotal} - sum(floor(exact)) OVER ())::int AS n
      FROM weighted
    ),
    numbered AS (
      SELECT ${hotspotTotal} + row_number() OVER (ORDER BY a.code, i) - 1 AS slot, a.code
      FROM apportioned a CROSS JOIN generate_series(1, a.n) AS i
    ),
    shuffled AS (
      SELECT slot, code, row_number() OVER (ORDER BY ${uniform(seed, sql`slot`, 0)}, slot) - 1 AS position
      FROM numbered
    )
    SELECT slot, (${plan.diffuseCategories}::text[])[width_bucket(position, ${categoryEnds}::bigint[]) + 1], code
    FROM shuffled`);

  // Temporary tables are never auto-analysed; the planner needs their size for the joins.
  await tx.query(sql`ANALYZE demo_slot`);
  const [{ slots }] = await tx.query<{ slots: number }>(sql`SELECT count(*)::int AS slots FROM demo_slot`);
  if (slots !== hotspotTotal + diffuseTotal) {
    throw new Error(`demo hotspots not found in the boundaries: ${slots} of ${hotspotTotal + diffuseTotal} slots; check profile.ts names`);
  }
  return slots;
}
