import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { sqlState } from '../db/database.ts';
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
  // Each run builds under a name of its own, so concurrent runs never share a half-built copy.
  const building = `${name}_b${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount) return;
    await admin.query(`CREATE DATABASE ${building}`);
    const db = await connectPostgres(withDatabase(databaseUrl, building), 2);
    try {
      await prepareDatabase(db);
    } finally {
      await db.close();
    }
    // Renamed only once complete, so a failed preparation never becomes the template. Another
    // test run on the same server may have built the same template meanwhile: then ours goes.
    try {
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    } catch (error) {
      if (sqlState(error) !== '42P04') throw error;
      await admin.query(`DROP DATABASE ${building}`);
    }
  } catch (error) {
    await admin.query(`DROP DATABASE IF EXISTS ${building}`).catch(() => undefined);
    throw error;
  } finally {
    await admin.end();
  }
}
