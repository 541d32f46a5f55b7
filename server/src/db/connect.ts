import path from 'node:path';
import type { Config } from '../config.ts';
import { isConnectionLoss } from './connection-loss.ts';
import type { Database } from './database.ts';
import { openEmbedded } from './embedded.ts';
import { connectPostgres } from './postgres.ts';

export interface OpenOptions {
  /**
   * Keep trying, every second at first and then every 5 s, while PostgreSQL cannot be reached
   * (not started yet, restarting): a server started beside its database waits for it instead of
   * exiting. Any other failure (a wrong password, a missing database) fails at once.
   */
  waitForPostgres?: boolean;
}

/** The database the config names: PostgreSQL at DATABASE_URL, else the embedded one in DATA_DIR. */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  onProgress: (message: string) => void = () => undefined,
  { waitForPostgres = false }: OpenOptions = {},
): Promise<Database> {
  if (!config.databaseUrl) return openEmbedded(path.join(config.dataDir, 'pglite'), onProgress);
  for (let attempt = 1; ; attempt++) {
    try {
      return await connectPostgres(config.databaseUrl);
    } catch (error) {
      if (!waitForPostgres || !isConnectionLoss(error)) throw error;
      const delayMs = attempt < 5 ? 1000 : 5000;
      onProgress(`PostgreSQL not reachable (${(error as Error).message}); trying again in ${delayMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
