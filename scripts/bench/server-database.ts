import { createDatabaseIfMissing } from '../../server/src/db/create-database.ts';

/** A setting the bench cannot work with; its message says what to do, so no stack is printed. */
export class BenchSetupError extends Error {}

/**
 * Creates the bench's scratch database `name` on DATABASE_URL's server. The connection goes
 * to DATABASE_URL's own database: when that one does not exist, or the server is not there,
 * the error says how to fix it instead of PostgreSQL's bare SQLSTATE.
 */
export async function createScratchDatabase(databaseUrl: string, name: string): Promise<void> {
  try {
    await createDatabaseIfMissing(databaseUrl, name);
  } catch (error) {
    const url = new URL(databaseUrl);
    const host = url.hostname || 'localhost', port = url.port || '5432', user = decodeURIComponent(url.username) || 'postgres';
    const database = decodeURIComponent(url.pathname.slice(1)) || user;
    const code = (error as { code?: string }).code;
    if (code === '3D000') {
      throw new BenchSetupError([
        `DATABASE_URL names the database "${database}", which does not exist on ${host}:${port}.`,
        'The bench connects to it to create its own scratch databases beside it. Create it:',
        `  createdb -h ${host} -p ${port} -U ${user} ${database}`,
        `or point DATABASE_URL at a database that exists, e.g. postgres://${user}@${host}:${port}/postgres`,
      ].join('\n'));
    }
    if (code === 'ECONNREFUSED' || code === 'ENOTFOUND') {
      throw new BenchSetupError(`No PostgreSQL answers at ${host}:${port} (DATABASE_URL): start it, or set DATABASE_URL to one that runs.`);
    }
    throw error;
  }
}

/** Ends the process with the message of a BenchSetupError (exit 1); rethrows anything else. */
export function exitOnSetupError(error: unknown): never {
  if (!(error instanceof BenchSetupError)) throw error;
  console.error(`[bench] ${error.message}`);
  process.exit(1);
}
