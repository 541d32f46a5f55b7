import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raw, sql } from '../db/database.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { seedDemoReports } from './seed.ts';

const now = new Date('2026-06-15T05:00:00Z');
const count = 3000;

let t: TestDatabase;
let inserted: number;
beforeAll(async () => {
  t = await createTestDatabase();
  ({ inserted } = await seedDemoReports(t.db, { count, seed: 7, now }));
});
afterAll(() => t?.drop());

const one = async <Row>(statement: ReturnType<typeof sql>) => (await t.db.query<Row>(statement))[0];

describe('seeding demo reports', () => {
  it('inserts the requested number of reports, all marked synthetic', async () => {
    expect(inserted).toBe(count);
    const row = await one<{ total: number; marked: number }>(sql`
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE is_synthetic AND description LIKE '[data contoh] %')::int AS marked
      FROM reports`);
    expect(row).toEqual({ total: count, marked: count });
  });

  it('routes every report as route_kelurahan routes its point, the rule the API uses', async () => {
    const row = await one<{ unrouted: number; differing: number; routed: number }>(sql`
      SELECT count(*) FILTER (WHERE k.kelurahan_code IS NULL)::int AS unrouted,
             count(*) FILTER (WHERE (r.kelurahan_code, r.kecamatan_code, r.city_code)
                                    IS DISTINCT FROM (k.kelurahan_code, k.kecamatan_code, k.city_code)
                                 OR r.routing_explanation -> 'kelurahan' IS DISTINCT FROM jsonb_build_object(
                                      'code', k.kelurahan_code, 'rule', k.rule, 'distance_m', k.distance_m,
                                      'candidates', to_jsonb(k.candidates)))::int AS differing,
             count(*)::int AS routed
      FROM reports r LEFT JOIN LATERAL route_kelurahan(r.location) AS k ON true`);
    expect(row).toEqual({ unrouted: 0, differing: 0, routed: count });
  });

  it("sends each report to its city's department for its category, and says so", async () => {
    const row = await one<{ wrong: number }>(sql`
      SELECT count(*)::int AS wrong
      FROM reports r
      JOIN categories c ON c.code = r.category_code
      LEFT JOIN departments d ON d.city_code = r.city_code AND d.kind = c.department_kind
      WHERE d.code IS DISTINCT FROM r.department_code
         OR r.routing_explanation -> 'department'
            IS DISTINCT FROM jsonb_build_object('code', d.code, 'rule', 'category_default', 'category', r.category_code)`);
    expect(row.wrong).toBe(0);
  });

  it('uses every category and gives each report one public submitted event at its own time', async () => {
    const row = await one<{ categories: number; submitted: number; matching: number }>(sql`
      SELECT (SELECT count(DISTINCT category_code)::int FROM reports) AS categories,
             (SELECT count(*)::int FROM report_events WHERE kind = 'submitted') AS submitted,
             (SELECT count(*)::int FROM reports r JOIN report_events e ON e.report_id = r.id
              WHERE e.kind = 'submitted' AND e.is_public
                AND e.new_value = jsonb_build_object('status', 'submitted', 'channel', r.channel)
                AND e.created_at = r.created_at) AS matching`);
    expect(row).toEqual({ categories: 12, submitted: count, matching: count });
  });

  it('dates reports in the two years before now, older ones more often resolved or closed', async () => {
    const row = await one<{ earliest: Date; latest: Date; bad_status: number; done_old: number; done_new: number; web: number }>(sql`
      SELECT min(created_at) AS earliest, max(created_at) AS latest,
             count(*) FILTER (WHERE updated_at < created_at OR updated_at > ${now}::timestamptz)::int AS bad_status,
             avg((status IN ('resolved', 'closed'))::int) FILTER (WHERE created_at < ${now}::timestamptz - interval '1 year') AS done_old,
             avg((status IN ('resolved', 'closed'))::int) FILTER (WHERE created_at > ${now}::timestamptz - interval '60 days') AS done_new,
             avg((channel = 'web')::int) AS web
      FROM reports`);
    expect(row.latest.getTime()).toBeLessThan(now.getTime());
    expect(row.earliest.getTime()).toBeGreaterThan(now.getTime() - 731 * 86_400_000);
    expect(row.bad_status).toBe(0);
    expect(row.done_old).toBeGreaterThan(0.8);
    expect(row.done_new).toBeLessThan(row.done_old - 0.1);
    expect(row.web).toBeGreaterThan(0.7);
    expect(row.web).toBeLessThan(0.95);
  });

  it('draws the same reports again for the same seed, with the same lives and fresh tracking codes', async () => {
    // The second run's codes all collide with the first run's at the first draw.
    const again = await seedDemoReports(t.db, { count, seed: 7, now });
    expect(again.inserted).toBe(count);
    const timeline = (id: string) => sql`(SELECT string_agg(e.kind || coalesce(e.new_value ->> 'status', '') || e.actor || e.created_at::text, ',' ORDER BY e.id)
                                           FROM report_events e WHERE e.report_id = ${raw(id)})`;
    const row = await one<{ same: number; codes: number }>(sql`
      SELECT (SELECT count(*)::int FROM reports a JOIN reports b ON b.id = a.id + ${count}
              WHERE a.id < (SELECT min(id) FROM reports) + ${count} AND ST_Equals(a.location, b.location) AND a.category_code = b.category_code
                AND a.created_at = b.created_at AND a.status = b.status AND a.due_at IS NOT DISTINCT FROM b.due_at
                AND a.resolved_at IS NOT DISTINCT FROM b.resolved_at AND a.updated_at = b.updated_at
                AND ${timeline('a.id')} = ${timeline('b.id')}) AS same,
             (SELECT count(DISTINCT code)::int FROM reports) AS codes`);
    expect(row).toEqual({ same: count, codes: 2 * count });
  });

  it('draws other points for another seed', async () => {
    const before = await one<{ last: number }>(sql`SELECT max(id)::int AS last FROM reports`);
    await seedDemoReports(t.db, { count, seed: 8, now });
    const row = await one<{ shared: number }>(sql`
      SELECT count(*)::int AS shared
      FROM reports a JOIN reports b ON ST_Equals(a.location, b.location)
      WHERE a.id < (SELECT min(id) FROM reports) + ${count} AND b.id > ${before.last}`);
    expect(row.shared).toBe(0);
  });
});
