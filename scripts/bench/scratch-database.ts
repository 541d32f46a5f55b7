import pg from 'pg';
import { readConfig } from '../../server/src/config.ts';
import { sql, type Database } from '../../server/src/db/database.ts';
import { connectPostgres } from '../../server/src/db/postgres.ts';
import { prepareDatabase } from '../../server/src/prepare-database.ts';
import { withDatabase } from '../../server/src/test/database.ts';
import { loadSyntheticReports } from './synthetic-reports.ts';

export const scratchDatabaseName = 'petawarga_bench_hotspots';

export interface ScratchDatabase {
  db: Database;
  url: string;
}

/**
 * The benchmark's own database on the server at DATABASE_URL (never that database itself),
 * prepared like any other and holding exactly `count` synthetic reports. Kept between runs:
 * the load takes minutes, and is redone only when the count differs.
 */
export async function scratchDatabase(count: number, seed: number, log: (m: string) => void): Promise<ScratchDatabase> {
  const { databaseUrl } = readConfig();
  if (!databaseUrl) throw new Error('The benchmark needs PostgreSQL: set DATABASE_URL (the scratch database is created beside it).');
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [scratchDatabaseName]);
    if (!exists.rowCount) await admin.query(`CREATE DATABASE ${scratchDatabaseName}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(databaseUrl, scratchDatabaseName);
  const db = await connectPostgres(url, 4);
  await prepareDatabase(db, log);
  const [{ reports }] = await db.query<{ reports: number }>(sql`SELECT count(*) AS reports FROM reports`);
  if (reports !== count) {
    log(`loading ${count.toLocaleString('en')} synthetic reports (was ${reports.toLocaleString('en')})…`);
    const started = performance.now();
    await db.exec('TRUNCATE reports CASCADE; TRUNCATE report_cluster_cells');
    await loadSyntheticReports(db, count, seed);
    log(`loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return { db, url };
}
