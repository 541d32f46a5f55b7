import pg from 'pg';
import { readConfig } from '../../server/src/config.ts';
import { sql, type Database } from '../../server/src/db/database.ts';
import { connectPostgres } from '../../server/src/db/postgres.ts';
import { seedDemoReports } from '../../server/src/demo/seed.ts';
import { prepareDatabase } from '../../server/src/prepare-database.ts';
import { withDatabase } from '../../server/src/test/database.ts';

export interface BenchDatabase {
  db: Database;
  url: string;
  name: string;
}

/** One scratch database per report count, so a 10k trial run never costs the 1M one. */
export const benchDatabaseName = (count: number) => `petawarga_bench_r${count}`;

/**
 * A database beside DATABASE_URL's (never that one) holding exactly `count` reports made by
 * the demo seed, the same code as `npm run seed:demo`, so cluster cells and routing are what a
 * real deployment has. Kept between runs; seeded again only when the count differs.
 */
export async function benchDatabase(count: number, log: (m: string) => void): Promise<BenchDatabase> {
  const { databaseUrl } = readConfig();
  if (!databaseUrl) throw new Error('The benchmark needs PostgreSQL: set DATABASE_URL (its scratch database is created beside it).');
  const name = benchDatabaseName(count);
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!exists.rowCount) await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(databaseUrl, name);
  const db = await connectPostgres(url, 8);
  await prepareDatabase(db, log);
  const [{ reports }] = await db.query<{ reports: number }>(sql`SELECT count(*)::int AS reports FROM reports`);
  if (reports !== count) {
    log(`${name}: seeding ${count.toLocaleString('en')} reports (found ${reports.toLocaleString('en')})…`);
    await db.exec('TRUNCATE reports CASCADE; TRUNCATE report_cluster_cells');
    const { milliseconds } = await seedDemoReports(db, { count, seed: 1 });
    log(`${name}: seeded in ${(milliseconds / 1000).toFixed(1)} s`);
    // Fresh statistics and visibility map, as a database that has lived a while would have.
    await db.query(sql`VACUUM ANALYZE reports`);
    await db.query(sql`VACUUM ANALYZE report_cluster_cells`);
  }
  return { db, url, name };
}
