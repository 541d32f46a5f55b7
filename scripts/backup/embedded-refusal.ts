import type { Config } from '../../server/src/config.ts';
import { BackupError } from './backup-error.ts';

/**
 * The embedded database is for trying the app on one machine; it has no pg_dump, and copying
 * its files while the server runs would copy a half-written database. So backups need a real
 * PostgreSQL, and the message says how to keep the embedded data instead.
 */
export function requireDatabaseUrl(config: Pick<Config, 'databaseUrl' | 'dataDir'>, command: string): string {
  if (config.databaseUrl) return config.databaseUrl;
  throw new BackupError('DATABASE_URL_NEEDED',
    `${command} needs DATABASE_URL (a PostgreSQL server): the embedded database is not backed up by it. `
    + `To keep the embedded database, stop the server and copy the folder ${config.dataDir} as a whole.`);
}
