import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { migrationsDir } from '../db/migrate.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';

// route_kelurahan's current body (db/functions/route_kelurahan.sql, first shipped in migration
// 0080) replaced the first one to make it faster. The rule must not change: the first body, read
// from migration 0006 as a historical reference, is created here under another name and both
// answer the same points, drawn where the rule has its cases: overlaps, gaps, either side of
// kelurahan and city edges.

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  const original = fs.readFileSync(path.join(migrationsDir, '0006_route_kelurahan.sql'), 'utf8')
    .replace('CREATE FUNCTION route_kelurahan(', 'CREATE FUNCTION route_kelurahan_0006(');
  await t.db.exec(original);
});
afterAll(() => t?.drop());

it('routes overlaps, gaps, edges and outside points exactly as the 0006 definition', async () => {
  // One statement per kind of probe (on the embedded database a UNION ALL of these lost rows).
  await t.db.exec('CREATE TABLE probe (kind text NOT NULL, p geometry(Point, 4326) NOT NULL)');
  // overlaps between neighbours
  await t.db.exec(`
    INSERT INTO probe
    SELECT 'overlap', ST_PointOnSurface(ST_Intersection(a.geom, b.geom))
    FROM kelurahan a JOIN kelurahan b ON a.code < b.code AND ST_Intersects(a.geom, b.geom)
    WHERE NOT ST_IsEmpty(ST_CollectionExtract(ST_Intersection(a.geom, b.geom), 3))`);
  // gaps between kelurahan inside a city outline
  await t.db.exec(`
    INSERT INTO probe
    SELECT 'gap', ST_PointOnSurface(d.geom)
    FROM cities c
    CROSS JOIN LATERAL ST_Dump(ST_Difference(c.geom, (SELECT ST_Union(geom) FROM kelurahan k WHERE k.city_code = c.code))) AS d`);
  // every 10th vertex of every kelurahan, moved 0–150 m in a fixed pseudo-random direction:
  // inside, outside, in a neighbour, within and beyond 100 m of it
  await t.db.exec(`
    INSERT INTO probe
    SELECT 'edge', ST_Project(v.geom::geography, (abs(hashtext(k.code || v.path::text)) % 150)::float8,
                              radians(abs(hashtext(v.path::text || k.code)) % 360))::geometry
    FROM kelurahan k CROSS JOIN LATERAL ST_DumpPoints(k.geom) AS v
    WHERE v.path[3] % 10 = 0`);
  // uniform over the cities' bounding box, outside the outlines included
  await t.db.exec(`
    INSERT INTO probe
    SELECT 'box', d.geom
    FROM (SELECT ST_GeneratePoints(ST_Envelope(ST_Collect(geom)), 3000, 7) AS g FROM cities) AS box
    CROSS JOIN LATERAL ST_Dump(box.g) AS d`);
  const kinds = await t.db.query<{ kind: string; probes: number }>(sql`
    SELECT kind, count(*)::int AS probes FROM probe GROUP BY kind ORDER BY kind`);
  expect(kinds.map((k) => k.kind)).toEqual(['box', 'edge', 'gap', 'overlap']);
  expect(kinds.find((k) => k.kind === 'edge')!.probes).toBeGreaterThan(500);

  type Routed = { kelurahan_code: string; rule: string; distance_m: number; candidates: string[] } | null;
  const differences = await t.db.query<{ kind: string; old: Routed; new: Routed }>(sql`
    SELECT probe.kind, to_jsonb(o) AS old, to_jsonb(n) AS new
    FROM probe
    LEFT JOIN LATERAL route_kelurahan_0006(probe.p) AS o ON true
    LEFT JOIN LATERAL route_kelurahan(probe.p) AS n ON true
    WHERE to_jsonb(o) IS DISTINCT FROM to_jsonb(n)`);
  // One known kind of difference, where 0006 broke its own documented rule: in an overlap, a
  // containing kelurahan's geodesic distance can come out a hair above 0 for a point on its
  // edge, and 0006 then ranked it after the other containing one regardless of code. The current
  // body gives every containing kelurahan distance 0, so the lowest code wins as documented.
  const unexplained = differences.filter((d) => !(
    d.old && d.new && d.old.rule === 'overlap_lowest_code' && d.new.rule === 'overlap_lowest_code'
    && d.new.distance_m === 0 && d.old.distance_m === 0
    && [...d.new.candidates].sort().join() === [...d.old.candidates].sort().join()
    && d.new.kelurahan_code < d.old.kelurahan_code));
  expect(unexplained).toEqual([]);
  expect(differences.length).toBeLessThan(5);

  // The probes reach every branch of the rule, and the service-area refusal.
  const rules = await t.db.query<{ rule: string | null }>(sql`
    SELECT DISTINCT r.rule FROM probe LEFT JOIN LATERAL route_kelurahan(probe.p) AS r ON true ORDER BY 1`);
  expect(rules.map((r) => r.rule)).toEqual(['contains', 'nearest_in_gap', 'overlap_lowest_code', null]);
});
