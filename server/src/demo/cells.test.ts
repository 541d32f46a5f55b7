import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { seedDemoReports } from './seed.ts';

// The seed loads with the row trigger off and adds the cluster cells (and the cells per week)
// in one statement each; the result must be what the trigger (db/functions/report_cluster_cells_sync.sql) would have built
// for the same reports.

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  // Twice, so that the second load adds to cells the first one created.
  await seedDemoReports(t.db, { count: 800, seed: 3 });
  await seedDemoReports(t.db, { count: 1200, seed: 4 });
});
afterAll(() => t?.drop());

describe('cluster cells after a bulk seed', () => {
  it('equal, row for row, the cells the trigger builds from the same reports', async () => {
    const [diff] = await t.db.transaction(async (tx) => {
      await tx.query(sql`CREATE TEMP TABLE seeded ON COMMIT DROP AS SELECT * FROM report_cluster_cells`);
      await tx.query(sql`DELETE FROM report_cluster_cells`);
      // The trigger's own function, one report at a time, as it runs on each insert.
      await tx.query(sql`
        SELECT count(report_cluster_cells_add(public_location_3857, kelurahan_code, category_code, status, 1))
        FROM (SELECT * FROM reports ORDER BY id) AS r`);
      const rows = await tx.query<{ seeded: number; by_trigger: number; differing: number }>(sql`
        SELECT (SELECT count(*)::int FROM seeded) AS seeded,
               (SELECT count(*)::int FROM report_cluster_cells) AS by_trigger,
               count(*) FILTER (
                 WHERE s.report_count IS DISTINCT FROM c.report_count
                    -- Sums of ~2e7 m coordinates added in another order: equal to far below a millimetre.
                    OR abs(s.sum_x - c.sum_x) > 1e-3 OR abs(s.sum_y - c.sum_y) > 1e-3
                    OR s.sum_x IS NULL OR c.sum_x IS NULL)::int AS differing
        FROM seeded s
        FULL JOIN report_cluster_cells c USING (zoom, cell_x, cell_y, kelurahan_code, category_code, status)`);
      await tx.query(sql`DELETE FROM report_cluster_cells`);
      await tx.query(sql`INSERT INTO report_cluster_cells SELECT * FROM seeded`);
      return rows;
    });
    expect(diff.seeded).toBeGreaterThan(2000);
    expect(diff).toEqual({ seeded: diff.by_trigger, by_trigger: diff.seeded, differing: 0 });
  });

  it('per week equal, row for row, the cells per week the trigger builds from the same reports', async () => {
    const [diff] = await t.db.transaction(async (tx) => {
      await tx.query(sql`CREATE TEMP TABLE seeded_weeks ON COMMIT DROP AS SELECT * FROM report_cluster_weeks`);
      await tx.query(sql`DELETE FROM report_cluster_weeks`);
      await tx.query(sql`
        SELECT count(report_cluster_weeks_add(public_location_3857, created_at, category_code, status, 1))
        FROM (SELECT * FROM reports ORDER BY id) AS r`);
      const rows = await tx.query<{ seeded: number; by_trigger: number; differing: number }>(sql`
        SELECT (SELECT count(*)::int FROM seeded_weeks) AS seeded,
               (SELECT count(*)::int FROM report_cluster_weeks) AS by_trigger,
               count(*) FILTER (
                 WHERE s.report_count IS DISTINCT FROM c.report_count
                    OR abs(s.sum_x - c.sum_x) > 1e-3 OR abs(s.sum_y - c.sum_y) > 1e-3
                    OR s.sum_x IS NULL OR c.sum_x IS NULL)::int AS differing
        FROM seeded_weeks s
        FULL JOIN report_cluster_weeks c USING (zoom, week_start, cell_x, cell_y, category_code, status)`);
      await tx.query(sql`DELETE FROM report_cluster_weeks`);
      await tx.query(sql`INSERT INTO report_cluster_weeks SELECT * FROM seeded_weeks`);
      return rows;
    });
    expect(diff.seeded).toBeGreaterThan(2000);
    expect(diff).toEqual({ seeded: diff.by_trigger, by_trigger: diff.seeded, differing: 0 });
  });

  it('leaves the row trigger on for the reports that follow', async () => {
    const [trigger] = await t.db.query<{ enabled: string }>(sql`
      SELECT tgenabled AS enabled FROM pg_trigger
      WHERE tgrelid = 'reports'::regclass AND tgname = 'reports_cluster_cells_insert_delete'`);
    expect(trigger.enabled).toBe('O');
  });
});
