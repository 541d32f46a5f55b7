import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { eventually } from '../test/eventually.ts';
import { seedDemoReports } from './seed.ts';

// The seed switches off the per-statement tile trigger (db/functions/notify_report_tiles.sql) for
// its insert and says {"all": true} itself; the tile caches must still hear of the load, once.

let t: TestDatabase;
const notifications: string[] = [];
beforeAll(async () => {
  t = await createTestDatabase();
  const stop = await t.db.listen('report_tiles', (payload) => notifications.push(payload));
  await seedDemoReports(t.db, { count: 600, seed: 5 });
  // Notifications are delivered after commit; the listener hears them a moment later.
  await eventually(() => notifications.length > 0, { what: 'the tile notification' });
  await stop();
});
afterAll(() => t?.drop());

describe('the tile notification of a demo seed', () => {
  it('tells the tile caches once to drop everything', () => {
    expect(notifications).toEqual(['{"all":true}']);
  });

  it('leaves the tile trigger on for the reports that follow', async () => {
    const [trigger] = await t.db.query<{ enabled: string }>(sql`
      SELECT tgenabled AS enabled FROM pg_trigger WHERE tgrelid = 'reports'::regclass AND tgname = 'reports_tiles_insert'`);
    expect(trigger.enabled).toBe('O');
  });
});
