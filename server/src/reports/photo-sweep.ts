import fs from 'node:fs/promises';
import path from 'node:path';
import { sql, type Queryable } from '../db/database.ts';
import { pendingMarkerPath, photoPaths } from './photos.ts';

export interface SweepResult {
  /** Markers of transactions that committed: their files stay. */
  kept: number;
  /** Files of transactions that did not commit, removed. */
  removed: number;
  /** Transactions still open (another request, another instance): looked at next time. */
  open: number;
}

/**
 * Settles the photo files written by transactions that had not ended (photos.ts storePhotos):
 * the database says how each ended (pg_xact_status). Committed: the rows name the files, the
 * marker goes. Aborted (a process killed mid-request, a server restarted under it, a COMMIT
 * that never arrived): nothing names them, they go. Still in progress: left for the next sweep.
 */
export async function sweepPendingPhotos(db: Queryable, photosDir: string): Promise<SweepResult> {
  const result: SweepResult = { kept: 0, removed: 0, open: 0 };
  const names = await fs.readdir(photosDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  for (const name of names) {
    if (!name.endsWith('.pending')) continue;
    const id = name.slice(0, -'.pending'.length);
    const marker = pendingMarkerPath(photosDir, id);
    const xid = (await fs.readFile(marker, 'utf8').catch(() => '')).trim();
    // An empty marker: the process died while writing it, before any photo file.
    const [row] = /^\d+$/.test(xid)
      ? await db.query<{ status: string | null }>(sql`SELECT pg_xact_status(${xid}::xid8) AS status`)
      : [{ status: 'aborted' }];
    if (row.status === 'in progress') {
      result.open++;
      continue;
    }
    // NULL: the transaction is too old for the commit log to remember; the rows decide.
    const committed = row.status === 'committed' || (row.status === null && await isNamed(db, id));
    if (!committed) {
      await Promise.all(Object.values(photoPaths(photosDir, id)).map((f) => fs.rm(f, { force: true })));
      result.removed++;
    } else {
      result.kept++;
    }
    await fs.rm(marker, { force: true });
  }
  return result;
}

async function isNamed(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.query(sql`SELECT 1 FROM report_photos WHERE id = ${id}`);
  return rows.length > 0;
}

/**
 * Sweeps now and then every `intervalMs`, until stopped; a failed sweep is tried again later.
 * `stop` sweeps once more, after the requests in hand have ended (main.ts stops HTTP first).
 */
export function sweepPhotosRegularly(
  db: Queryable, photosDir: string, log: (message: string) => void, intervalMs = 60_000,
): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const sweep = () => {
    running = sweepPendingPhotos(db, photosDir).then(
      ({ removed }) => void (removed && log(`removed the photo files of ${removed} uncommitted reports or photo uploads`)),
      (error: Error) => log(`pending photo files not swept yet: ${error.message}`),
    );
  };
  sweep();
  const timer = setInterval(sweep, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
      sweep();
      await running;
    },
  };
}
