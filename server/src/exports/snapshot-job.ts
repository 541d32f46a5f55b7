import type { Database } from '../db/database.ts';
import type { JobQueue } from '../jobs/runner.ts';
import { writeSnapshots } from './snapshots.ts';

export const exportSnapshotQueueName = 'exports-snapshot';

/**
 * Every night (00:30 in Jakarta, by default): a snapshot of every public report in each download
 * format, with its SHA-256, in DATA_DIR/exports, so that bulk users fetch a fixed, checkable
 * file instead of streaming the database. pg-boss fires it once per day however many
 * instances run.
 */
export function exportSnapshotQueue(
  db: Database, dataDir: string, options: { cron?: string; log?: (message: string) => void } = {},
): JobQueue<object> {
  const log = options.log ?? (() => undefined);
  return {
    name: exportSnapshotQueueName,
    cron: options.cron ?? '30 0 * * *',
    retry: { limit: 2, delaySeconds: 600, backoff: false },
    expireInSeconds: 3600,
    async handle() {
      const written = await writeSnapshots(db, dataDir);
      log(`exports: snapshot ${written.map((s) => `${s.file} (${s.bytes} B)`).join(', ')}`);
    },
  };
}
