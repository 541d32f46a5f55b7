import { sql } from '../../server/src/db/database.ts';
import { seedDemoReports } from '../../server/src/demo/seed.ts';
import { scratchDatabase, type ScratchDatabase } from './scratch-database.ts';

/** One scratch database per report count, so a 10k trial run never costs the 1M one. */
export const benchDatabaseName = (count: number) => `petawarga_bench_r${count}`;

/**
 * A scratch database holding exactly `count` reports made by the demo seed, the same code as
 * `npm run seed:demo`, so cluster cells and routing are what a real deployment has.
 */
export function benchDatabase(count: number, log: (m: string) => void, name = benchDatabaseName(count)): Promise<ScratchDatabase> {
  return scratchDatabase(name, count, async (db) => {
    await seedDemoReports(db, { count, seed: 1 });
    // Fresh statistics and visibility map, as a database that has lived a while would have.
    await db.query(sql`VACUUM ANALYZE reports`);
    await db.query(sql`VACUUM ANALYZE report_cluster_cells`);
    await db.query(sql`VACUUM ANALYZE report_cluster_weeks`);
  }, log, 8);
}
