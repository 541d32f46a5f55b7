import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { seedDemoReports } from './seed.ts';

// A large seed drops the secondary indexes of reports and builds them again; a small count
// takes the same path here so that it is proven on every run.

let t: TestDatabase;
let before: string[];
const notifications: string[] = [];
beforeAll(async () => {
  t = await createTestDatabase();
  before = await indexDefinitions();
  const stop = await t.db.listen('report_tiles', (payload) => notifications.push(payload));
  await seedDemoReports(t.db, { count: 600, seed: 5, rebuildIndexes: true });
  // Notifications are delivered after commit; give the listener a moment to receive them.
  for (let waited = 0; notifications.length === 0 && waited < 2000; waited += 50) await new Promise((r) => setTimeout(r, 50));
  await stop();
});
afterAll(() => t?.drop());

async function indexDefinitions(): Promise<string[]> {
  const rows = await t.db.query<{ definition: string }>(sql`
    SELECT pg_get_indexdef(indexrelid) AS definition FROM pg_index WHERE indrelid = 'reports'::regclass ORDER BY 1`);
  return rows.map((r) => r.definition);
}

describe('a seed that rebuilds the report indexes', () => {
  it('leaves reports with the indexes it had, valid', async () => {
    expect(before.length).toBeGreaterThan(10);
    expect(await indexDefinitions()).toEqual(before);
    const [{ invalid }] = await t.db.query<{ invalid: number }>(sql`
      SELECT count(*)::int AS invalid FROM pg_index WHERE indrelid = 'reports'::regclass AND NOT (indisvalid AND indisready)`);
    expect(invalid).toBe(0);
  });

  it('answers a bounding-box query over the seeded reports', async () => {
    const [row] = await t.db.query<{ near: number; all: number }>(sql`
      SELECT (SELECT count(*)::int FROM reports WHERE location && ST_MakeEnvelope(106.5, -6.4, 106.8, -6.1, 4326)) AS near,
             (SELECT count(*)::int FROM reports) AS all`);
    expect(row).toEqual({ near: 600, all: 600 });
  });

  it('tells the tile caches once to drop everything, and re-enables the tile trigger', async () => {
    expect(notifications).toEqual(['{"all":true}']);
    const [trigger] = await t.db.query<{ enabled: string }>(sql`
      SELECT tgenabled AS enabled FROM pg_trigger WHERE tgrelid = 'reports'::regclass AND tgname = 'reports_tiles_insert'`);
    expect(trigger.enabled).toBe('O');
  });
});
