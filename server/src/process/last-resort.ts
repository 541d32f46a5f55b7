import { isConnectionLoss } from '../db/connection-loss.ts';

/**
 * The last line against a lost database connection ending the process: a library that emits
 * the loss as an 'error' event nobody listens to, or rejects a promise nobody awaits. Each of
 * our own connections handles its losses (db/postgres.ts, db/listener.ts, jobs/runner.ts);
 * this logs one that slipped through. Any other uncaught error still ends the process, as
 * Node's default would: the state after an unknown defect cannot be trusted.
 */
export function surviveConnectionLoss(log: (message: string) => void): void {
  const handle = (kind: string) => (error: unknown) => {
    if (isConnectionLoss(error)) {
      // The stack says where a handler is missing.
      log(`database connection lost (${kind}, not handled where it happened): ${(error as Error).stack}`);
      return;
    }
    console.error(`[petawarga] ${kind}:`, error);
    process.exit(1);
  };
  process.on('uncaughtException', handle('uncaught exception'));
  process.on('unhandledRejection', handle('unhandled rejection'));
}
