import path from 'node:path';
import type { Config } from '../config.ts';
import type { Database } from './database.ts';
import { openEmbedded } from './embedded.ts';
import { connectPostgres } from './postgres.ts';

/** The database the config names: PostgreSQL at DATABASE_URL, else the embedded one in DATA_DIR. */
export function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  onProgress?: (message: string) => void,
): Promise<Database> {
  if (config.databaseUrl) return connectPostgres(config.databaseUrl);
  return openEmbedded(path.join(config.dataDir, 'pglite'), onProgress);
}
