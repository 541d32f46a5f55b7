import pg from 'pg';

/**
 * Creates database `name` on the PostgreSQL server that `serverUrl` reaches, unless it exists.
 * True when it was created. CREATE DATABASE takes no parameters, hence the strict name.
 */
export async function createDatabaseIfMissing(serverUrl: string, name: string): Promise<boolean> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe database name "${name}"`);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount) return false;
    await admin.query(`CREATE DATABASE ${name}`);
    return true;
  } finally {
    await admin.end();
  }
}
