import pg from 'pg';
import { readConfig } from '../config.ts';
import { connectPostgres } from '../db/postgres.ts';
import { withDatabase } from './database.ts';
import { prepareDatabase } from '../prepare-database.ts';
import { templateDatabaseName } from './template.ts';

// Once per test run, on PostgreSQL: a template database with schema, boundaries and reference
// data, so each test file gets its own copy in a fraction of a second.
export default async function setup(): Promise<void> {
  const { databaseUrl } = readConfig();
  if (!databaseUrl) return;
  const name = templateDatabaseName();
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount) return;
    await admin.query(`CREATE DATABASE ${name}_building`);
    const db = await connectPostgres(withDatabase(databaseUrl, `${name}_building`), 2);
    try {
      await prepareDatabase(db);
    } finally {
      await db.close();
    }
    // Renamed only once complete, so a failed preparation never becomes the template.
    await admin.query(`ALTER DATABASE ${name}_building RENAME TO ${name}`);
  } catch (error) {
    await admin.query(`DROP DATABASE IF EXISTS ${name}_building`).catch(() => undefined);
    throw error;
  } finally {
    await admin.end();
  }
}
