import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeTile } from '../../../tiles/src/decode.ts';
import { renderTile, tilesContaining, type TileCoord } from '../../../tiles/src/index.ts';
import { sql, type Database } from '../db/database.ts';
import { openEmbedded } from '../db/embedded.ts';
import { seedDemoReports } from '../demo/seed.ts';
import { prepareDatabase } from '../prepare-database.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { allStatuses, parseReportFilter, publicStatuses, type ReportFilterQuery } from './filters.ts';
import { reportsLayer } from './tile-layers.ts';
import { weekDate, weekStartOf } from './week-window.ts';

// Time-window tiles sum the cells of whole weeks (report_cluster_weeks) and read only the edge
// days from the reports. Whatever the window, filter and zoom, the decoded tile must equal the
// one counted from the reports alone, also after reports were added, changed and deleted
// through the trigger once the seed had built the cells set-wise.

const now = new Date('2026-06-01T00:00:00Z');
const dayMs = 86_400_000;
const spanStart = now.getTime() - 740 * dayMs;
const spanEnd = now.getTime() + 10 * dayMs;

/** Adds, moves, re-dates, re-categorises, changes the status of and deletes random reports. */
async function churn(db: Database) {
  await db.transaction(async (tx) => {
    await tx.query(sql`SELECT setseed(0.31)`);
    // Copies of random reports a few hundred metres away, some created exactly at the start of
    // a WIB week (Monday 00:00 UTC+7) or a microsecond before it.
    await tx.query(sql`
      INSERT INTO reports (code, category_code, description, status, location, city_code, kecamatan_code,
                           kelurahan_code, department_code, routing_explanation, created_at, updated_at)
      SELECT 'PRP-' || lpad((row_number() OVER ())::text, 5, '0'), r.category_code, 'property test report',
             (${[...allStatuses]}::text[])[1 + floor(random() * ${allStatuses.length})::int],
             ST_SetSRID(ST_MakePoint(ST_X(r.location) + (random() - 0.5) * 0.006, ST_Y(r.location) + (random() - 0.5) * 0.006), 4326),
             r.city_code, r.kecamatan_code, r.kelurahan_code, r.department_code, '{}'::jsonb, t.at, t.at
      FROM (SELECT * FROM reports ORDER BY random() LIMIT 500) AS r
      CROSS JOIN LATERAL (SELECT r.created_at + (random() - 0.5) * interval '20 days' AS at0, random() AS u) AS a
      CROSS JOIN LATERAL (
        SELECT CASE WHEN a.u < 0.2 THEN (report_week(a.at0) - interval '7 hours') AT TIME ZONE 'UTC'
                    WHEN a.u < 0.3 THEN (report_week(a.at0) - interval '7 hours') AT TIME ZONE 'UTC' - interval '1 microsecond'
                    ELSE a.at0 END AS at) AS t`);
    await tx.query(sql`
      UPDATE reports SET status = (${[...allStatuses]}::text[])[1 + floor(random() * ${allStatuses.length})::int]
      WHERE id IN (SELECT id FROM reports ORDER BY random() LIMIT 500)`);
    await tx.query(sql`
      UPDATE reports SET created_at = created_at + (random() - 0.5) * interval '12 days'
      WHERE id IN (SELECT id FROM reports ORDER BY random() LIMIT 300)`);
    await tx.query(sql`
      UPDATE reports SET category_code = (SELECT array_agg(code ORDER BY code) FROM categories)[1 + floor(random() * (SELECT count(*) FROM categories))::int]
      WHERE id IN (SELECT id FROM reports ORDER BY random() LIMIT 200)`);
    await tx.query(sql`
      UPDATE reports SET location = ST_Translate(location, (random() - 0.5) * 0.02, (random() - 0.5) * 0.02)
      WHERE id IN (SELECT id FROM reports ORDER BY random() LIMIT 200)`);
    // Deleting a report deletes its timeline, which the database otherwise refuses.
    await tx.query(sql`ALTER TABLE report_events DISABLE TRIGGER report_events_append_only`);
    await tx.query(sql`
      DELETE FROM reports
      WHERE id IN (SELECT id FROM reports
                   WHERE id NOT IN (SELECT duplicate_of FROM reports WHERE duplicate_of IS NOT NULL)
                   ORDER BY random() LIMIT 400)`);
    await tx.query(sql`ALTER TABLE report_events ENABLE TRIGGER report_events_append_only`);
  });
}

const wibWeekStart = (ms: number) => weekStartOf(new Date(ms)).getTime();

/** Instants a window may start or end at: anywhere, at a WIB week's start, at UTC midnight. */
const instant = fc.oneof(
  fc.integer({ min: spanStart, max: spanEnd }),
  fc.integer({ min: spanStart, max: spanEnd }).map(wibWeekStart),
  fc.integer({ min: spanStart, max: spanEnd }).map((ms) => Math.floor(ms / dayMs) * dayMs),
).map((ms) => new Date(ms).toISOString());

function filterQuery(categories: string[], kelurahan: string[]) {
  return fc.record({
    since: fc.option(instant, { nil: undefined, freq: 4 }),
    until: fc.option(instant, { nil: undefined, freq: 4 }),
    category: fc.option(fc.subarray(categories, { minLength: 1, maxLength: 3 }).map((c) => c.join(',')), { nil: undefined }),
    status: fc.option(fc.subarray([...publicStatuses], { minLength: 1, maxLength: 3 }).map((s) => s.join(',')), { nil: undefined }),
    kelurahan: fc.option(fc.constantFrom(...kelurahan), { nil: undefined, freq: 8 }),
  }, { requiredKeys: [] })
    .filter((q) => Boolean(q.since || q.until))
    // Mostly since before until: a reversed window is empty whatever the source.
    .map((q) => (q.since && q.until && q.since > q.until ? { ...q, since: q.until, until: q.since } : q));
}

const sortedProperties = (properties: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(properties).sort(([a], [b]) => a.localeCompare(b)));

async function features(db: Database, query: ReportFilterQuery, tile: TileCoord, source: 'cells' | 'reports') {
  const bytes = await renderTile(db, [reportsLayer(parseReportFilter(query), source)], tile);
  return (decodeTile(bytes).reports ?? []).map((f) => JSON.stringify({ ...f, properties: sortedProperties(f.properties) })).sort();
}

/** Runs the comparison on `db`; returns how many tiles compared held clusters. */
async function compareWindows(db: Database, numRuns: number): Promise<number> {
  const categories = (await db.query<{ code: string }>(sql`SELECT code FROM categories ORDER BY code`)).map((r) => r.code);
  const places = await db.query<{ lon: number; lat: number; kelurahan: string }>(sql`
    SELECT ST_X(location) AS lon, ST_Y(location) AS lat, kelurahan_code AS kelurahan FROM reports ORDER BY id`);
  const kelurahan = [...new Set(places.map((p) => p.kelurahan))].sort();
  const tile = fc.record({ place: fc.integer({ min: 0, max: places.length - 1 }), z: fc.integer({ min: 5, max: 14 }) })
    .map(({ place, z }) => tilesContaining(places[place].lon, places[place].lat, z, z)[0]);
  let nonEmpty = 0;
  await fc.assert(fc.asyncProperty(filterQuery(categories, kelurahan), tile, async (query, t) => {
    const reference = await features(db, query, t, 'reports');
    if (reference.length) nonEmpty++;
    expect(await features(db, query, t, 'cells'), `${t.z}/${t.x}/${t.y} ${JSON.stringify(query)}`).toEqual(reference);
  }), { numRuns, seed: 20261207 });
  return nonEmpty;
}

describe('time-window cluster tiles on PostgreSQL', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await seedDemoReports(t.db, { count: 3000, seed: 11, now });
    await churn(t.db);
  }, 120_000);
  afterAll(() => t?.drop());

  it('find the same WIB week in JavaScript as report_week in SQL', async () => {
    await fc.assert(fc.asyncProperty(fc.integer({ min: Date.UTC(1965, 0, 1), max: Date.UTC(2199, 0, 1) }), async (ms) => {
      const at = new Date(ms);
      const [{ week }] = await t.db.query<{ week: string }>(sql`SELECT report_week(${at}::timestamptz)::text AS week`);
      expect(weekDate(weekStartOf(at))).toBe(week);
    }), { numRuns: 200, seed: 7 });
  });

  it('equal the tiles counted from the reports, for random windows, filters and zooms', async () => {
    const nonEmpty = await compareWindows(t.db, 400);
    expect(nonEmpty).toBeGreaterThan(150);
  }, 120_000);

  it('read no reports for a window of whole WIB weeks', async () => {
    // Monday 2026-03-02 00:00 WIB to Monday 2026-04-06 00:00 WIB: five whole weeks, no edge days.
    const filter = parseReportFilter({ since: '2026-03-01T17:00:00Z', until: '2026-04-05T17:00:00Z' });
    for (const z of [6, 10, 12]) {
      const q = reportsLayer(filter).query(tilesContaining(106.65, -6.2, z, z)[0]);
      const plan = (await t.db.query<{ 'QUERY PLAN': string }>(sql`EXPLAIN ${q}`)).map((r) => r['QUERY PLAN']).join('\n');
      expect(plan).toContain('report_cluster_weeks');
      expect(plan).not.toMatch(/on reports\b/);
    }
  });
});

describe('time-window cluster tiles on the embedded database', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openEmbedded(undefined);
    await prepareDatabase(db);
    await seedDemoReports(db, { count: 1500, seed: 12, now });
    await churn(db);
  }, 180_000);
  afterAll(() => db?.close());

  it('equal the tiles counted from the reports, for random windows, filters and zooms', async () => {
    const nonEmpty = await compareWindows(db, 80);
    expect(nonEmpty).toBeGreaterThan(25);
  }, 180_000);
});
