import { readConfig } from '../../server/src/config.ts';
import { sql, type Database } from '../../server/src/db/database.ts';
import { connectPostgres } from '../../server/src/db/postgres.ts';
import { prepareDatabase } from '../../server/src/prepare-database.ts';
import { withDatabase } from '../../server/src/test/database.ts';
import { createScratchDatabase } from './server-database.ts';

export interface ScratchDatabase {
  db: Database;
  url: string;
  name: string;
}

/**
 * A benchmark's own database `name` on the server at DATABASE_URL (never that database itself),
 * prepared like any other and holding exactly `count` reports put there by `load`. Kept between
 * runs: a load takes minutes, and is redone only when the count differs.
 */
export async function scratchDatabase(
  name: string,
  count: number,
  load: (db: Database, count: number) => Promise<void>,
  log: (message: string) => void,
  poolSize = 4,
): Promise<ScratchDatabase> {
  const { databaseUrl } = readConfig();
  if (!databaseUrl) throw new Error('The benchmark needs PostgreSQL: set DATABASE_URL (its scratch database is created beside it).');
  await createScratchDatabase(databaseUrl, name);
  const url = withDatabase(databaseUrl, name);
  const db = await connectPostgres(url, poolSize);
  await prepareDatabase(db, log);
  const [{ reports }] = await db.query<{ reports: number }>(sql`SELECT count(*)::int AS reports FROM reports`);
  if (reports !== count) {
    log(`${name}: loading ${count.toLocaleString('en')} reports (found ${reports.toLocaleString('en')})…`);
    const started = performance.now();
    await db.exec('TRUNCATE reports CASCADE; TRUNCATE report_cluster_cells; TRUNCATE report_cluster_weeks');
    await load(db, count);
    log(`${name}: loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return { db, url, name };
}
