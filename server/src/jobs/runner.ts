import { createHash } from 'node:crypto';
import PgBoss from 'pg-boss';
import type { Config } from '../config.ts';
import { sql, type Database, type Queryable } from '../db/database.ts';
import { executorFor } from './executor.ts';

// Background work is kept in PostgreSQL by pg-boss (schema `pgboss`, installed and upgraded by
// pg-boss itself on start): a job survives a restart, several server instances share the work
// (SKIP LOCKED), failed jobs are retried with back-off, and recurring jobs fire once per period
// however many instances run.

export interface JobQueue<Data extends object = object> {
  name: string;
  /** Does the work; throwing fails this attempt, and pg-boss retries it as `retry` says. */
  handle(data: Data, attempt: { jobId: string; number: number }): Promise<void>;
  retry?: { limit: number; delaySeconds: number; backoff: boolean };
  /** How long one attempt may run before pg-boss counts it failed. */
  expireInSeconds?: number;
  /** Cron (Asia/Jakarta): a job with empty data is sent on this schedule. */
  cron?: string;
}

export interface JobsOptions {
  log?: (message: string) => void;
  /** How often an idle worker looks for new jobs (pg-boss default 2 s; at least 0.5). */
  pollingIntervalSeconds?: number;
  /** How often schedules are checked (pg-boss default 30 s). */
  cronMonitorIntervalSeconds?: number;
}

const running = new Map<Database, { boss: PgBoss; queues: Set<string> }>();

/**
 * Starts pg-boss on the app's database and a worker for each queue. On PostgreSQL pg-boss gets
 * the connection string and its own small pool; on the embedded database it runs through the
 * app's single PGlite connection (executor.ts).
 */
export async function startJobs(
  db: Database, config: Pick<Config, 'databaseUrl'>, queues: JobQueue<never>[], options: JobsOptions = {},
): Promise<void> {
  if (running.has(db)) throw new Error('jobs are already running on this database');
  const log = options.log ?? (() => undefined);
  if (db.kind === 'postgres' && !config.databaseUrl) throw new Error('jobs on PostgreSQL need the database URL');
  const boss = new PgBoss({
    ...(db.kind === 'postgres' ? { connectionString: config.databaseUrl, max: 3 } : { db: executorFor(db) }),
    application_name: 'petawarga-jobs',
    cronMonitorIntervalSeconds: options.cronMonitorIntervalSeconds ?? 30,
    cronWorkerIntervalSeconds: Math.min(5, options.cronMonitorIntervalSeconds ?? 5),
    // Finished jobs are kept a week for inspection, then dropped; notification_deliveries keeps
    // the lasting record.
    deleteAfterDays: 7,
  });
  // Without a listener an 'error' event would crash the process; pg-boss retries on its own.
  boss.on('error', (error) => log(`jobs: ${error.message}`));
  try {
    // Instances starting together on a new database deadlocked inside pg-boss's create_queue
    // (each adds a foreign key to the other's new partition), so queues are set up by one
    // instance at a time. pg-boss's start is part of it: it creates a queue of its own (its
    // cron's), and that one deadlocked with another instance's queues.
    await oneInstanceAtATime(db, async () => {
      await boss.start();
      running.set(db, { boss, queues: new Set(queues.map((q) => q.name)) });
      for (const queue of queues) {
        const queueOptions = {
          name: queue.name,
          retryLimit: queue.retry?.limit ?? 0,
          retryDelay: queue.retry?.delaySeconds ?? 0,
          retryBackoff: queue.retry?.backoff ?? false,
          expireInSeconds: queue.expireInSeconds ?? 15 * 60,
        };
        // createQueue leaves an existing queue as it was; updateQueue brings its retry policy in
        // line with this version of the code.
        await boss.createQueue(queue.name, queueOptions);
        await boss.updateQueue(queue.name, queueOptions);
      }
    });
    for (const queue of queues) {
      await boss.work<object>(queue.name, {
        includeMetadata: true,
        batchSize: 1,
        pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
      }, async ([job]) => {
        const attempt = { jobId: job.id, number: job.retryCount + 1 };
        try {
          await (queue as JobQueue).handle(job.data, attempt);
        } catch (error) {
          // Handlers' errors carry no personal data (notifications/deliveries.ts withoutContacts).
          log(`jobs: ${queue.name} ${job.id} attempt ${attempt.number} of ${job.retryLimit + 1} failed: ${(error as Error).message}`);
          throw error;
        }
      });
      // In the city's time, whatever the server's clock zone.
      if (queue.cron) await boss.schedule(queue.name, queue.cron, {}, { tz: 'Asia/Jakarta' });
      else await boss.unschedule(queue.name);
    }
  } catch (error) {
    await stopJobs(db);
    throw error;
  }
  log(`jobs: ${queues.map((q) => q.name + (q.cron ? ` (${q.cron})` : '')).join(', ')}`);
}

/**
 * Runs setup while holding a transaction-scoped advisory lock, which every instance asks for
 * before its own setup. The embedded database serves one process (and its one connection is
 * the one pg-boss uses), so there it simply runs.
 */
async function oneInstanceAtATime(db: Database, setup: () => Promise<void>): Promise<void> {
  if (db.kind === 'embedded') return setup();
  await db.transaction(async (tx) => {
    await tx.query(sql`SELECT pg_advisory_xact_lock(hashtext('petawarga: job queue setup'))`);
    await setup();
  });
}

/** Stops the workers, letting jobs in hand finish (up to 10 s), and pg-boss's own pool. */
export async function stopJobs(db: Database): Promise<void> {
  const boss = running.get(db)?.boss;
  if (!boss) return;
  running.delete(db);
  await boss.stop({ graceful: true, timeout: 10_000 });
}

export interface SendOptions {
  /**
   * The same key sends the job once: a second send is ignored while the first is kept (pg-boss
   * refuses a second job with the same id). The handler should still be idempotent.
   */
  onceKey?: string;
  /** Send within this open transaction: the job exists only if the transaction commits. */
  within?: Queryable;
}

/** Queues a job for the workers of `name`; null when `onceKey` was sent already. */
export async function sendJob(db: Database, name: string, data: object, options: SendOptions = {}): Promise<string | null> {
  const boss = running.get(db)?.boss;
  if (!boss) throw new Error(`cannot send ${name}: jobs are not running on this database (startJobs)`);
  return boss.send(name, data, {
    ...(options.onceKey ? { id: keyedJobId(name, options.onceKey) } : {}),
    ...(options.within ? { db: executorFor(options.within) } : {}),
  });
}

/** A UUID derived from queue and key (pg-boss job ids are UUIDs). */
function keyedJobId(name: string, key: string): string {
  const h = createHash('sha256').update(`${name}\n${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** Whether this process works the queue `name` (a channel that is off has no queue). */
export function isWorking(db: Database, name: string): boolean {
  return running.get(db)?.queues.has(name) ?? false;
}

/** The pg-boss instance on this database, for tests and inspection (queue sizes, schedules). */
export function jobsOn(db: Database): PgBoss | undefined {
  return running.get(db)?.boss;
}
