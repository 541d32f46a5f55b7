import { readConfig } from '../server/src/config.ts';
import type { Database } from '../server/src/db/database.ts';
import { openDatabase } from '../server/src/db/connect.ts';
import { AppError } from '../server/src/http/app-error.ts';

/**
 * Runs a command-line task on the configured database and closes it. A refusal the task raises
 * on purpose (AppError) is printed with its code and ends the process with status 1.
 */
export async function withDatabase(task: (db: Database) => Promise<void>): Promise<void> {
  const db = await openDatabase(readConfig());
  try {
    await task(db);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    console.error(`${error.code}: ${error.messages.en}${error.details ? ` ${JSON.stringify(error.details)}` : ''}`);
    process.exitCode = 1;
  } finally {
    await db.close();
  }
}
