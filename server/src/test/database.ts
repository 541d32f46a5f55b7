import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { readConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { openEmbedded } from '../db/embedded.ts';
import { connectPostgres } from '../db/postgres.ts';
import { prepareDatabase } from '../prepare-database.ts';
import { templateDatabaseName } from './template.ts';

export interface TestDatabase {
  db: Database;
  /** Connection string of this test's own database (PostgreSQL only). */
  url?: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A fresh, fully prepared database for one test file: on the PostgreSQL at DATABASE_URL a new
 * database copied from the prepared template (see global-setup.ts), else an in-memory
 * embedded database. Never the database named by DATABASE_URL itself.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const { databaseUrl } = readConfig();
  if (!databaseUrl) {
    const db = await openEmbedded(undefined);
    await prepareDatabase(db);
    return { db, drop: () => db.close() };
  }
  const name = `petawarga_test_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabaseName()}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(databaseUrl, name);
  const db = await connectPostgres(url, 4);
  return {
    db,
    url,
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export { withDatabase };
