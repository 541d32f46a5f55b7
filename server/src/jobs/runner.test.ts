import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql, type Database } from '../db/database.ts';
import { openEmbedded } from '../db/embedded.ts';
import { connectPostgres } from '../db/postgres.ts';
import { eventually } from '../test/eventually.ts';
import { createTestDatabase } from '../test/database.ts';
import { describeNeeding, postgres, type Needs } from '../test/requirements.ts';
import { sendJob, startJobs, stopJobs, type JobQueue } from './runner.ts';

// The same behaviours on both databases the app runs on: PostgreSQL (pg-boss with its own pool)
// and the embedded PGlite (pg-boss through the app's single connection, executor.ts). The
// embedded one needs no migrations, only pg-boss's own schema, but takes ~20 s to start PostGIS.

interface Opened {
  db: Database;
  url?: string;
  close(): Promise<void>;
}

const databases: [string, () => Promise<Opened>, Needs][] = [
  ['PostgreSQL', async () => {
    const t = await createTestDatabase();
    return { db: t.db, url: t.url, close: t.drop };
  }, [[postgres, 'pg-boss on a PostgreSQL server; without DATABASE_URL the test database is the embedded one, tested below']]],
  ['the embedded database', async () => {
    const db = await openEmbedded(undefined);
    return { db, close: () => db.close() };
  }, []],
];

for (const [name, open, needs] of databases) describeNeeding(needs, `jobs on ${name}`, () => {
  let o: Opened;
  const done: { data: object; attempt: number; at: number }[] = [];
  const ticks: number[] = [];
  let failuresLeft = 1;

  const work: JobQueue<{ n: number }> = {
    name: 'test-work',
    retry: { limit: 2, delaySeconds: 1, backoff: false },
    async handle(data, attempt) {
      if (data.n === 99 && failuresLeft-- > 0) throw new Error('not this time');
      done.push({ data, attempt: attempt.number, at: Date.now() });
    },
  };
  const tick: JobQueue = { name: 'test-tick', cron: '* * * * *', async handle() { ticks.push(Date.now()); } };

  beforeAll(async () => {
    o = await open();
    await startJobs(o.db, { databaseUrl: o.url }, [work, tick] as JobQueue<never>[], {
      pollingIntervalSeconds: 0.5, cronMonitorIntervalSeconds: 1,
    });
  });
  afterAll(async () => {
    await stopJobs(o?.db);
    await o?.close();
  });

  const doneWith = (n: number) => eventually(() => done.find((d) => (d.data as { n: number }).n === n), { what: `job ${n}` });

  it('runs a sent job in a worker, and a failed one again after its retry delay', async () => {
    await sendJob(o.db, 'test-work', { n: 1 });
    expect((await doneWith(1)).attempt).toBe(1);
    const sentAt = Date.now();
    await sendJob(o.db, 'test-work', { n: 99 });
    const retried = await doneWith(99);
    expect(retried.attempt).toBe(2);
    expect(retried.at - sentAt).toBeGreaterThanOrEqual(1000);
  });

  it('sends a job with a once-key only once', async () => {
    expect(await sendJob(o.db, 'test-work', { n: 2 }, { onceKey: 'two' })).toEqual(expect.any(String));
    expect(await sendJob(o.db, 'test-work', { n: 2 }, { onceKey: 'two' })).toBeNull();
    await doneWith(2);
    const [{ jobs }] = await o.db.query<{ jobs: number }>(sql`
      SELECT count(*)::int AS jobs FROM pgboss.job WHERE name = 'test-work' AND data->>'n' = '2'`);
    expect(jobs).toBe(1);
  });

  it('keeps a job sent within a transaction only if the transaction commits', async () => {
    await expect(o.db.transaction(async (tx) => {
      await sendJob(o.db, 'test-work', { n: 3 }, { within: tx });
      throw new Error('rolled back');
    })).rejects.toThrow('rolled back');
    await o.db.transaction((tx) => sendJob(o.db, 'test-work', { n: 4 }, { within: tx }));
    await doneWith(4);
    const [{ jobs }] = await o.db.query<{ jobs: number }>(sql`
      SELECT count(*)::int AS jobs FROM pgboss.job WHERE name = 'test-work' AND data->>'n' = '3'`);
    expect(jobs).toBe(0);
  });

  it('runs a scheduled job on its schedule', async () => {
    await eventually(() => ticks[0], { what: 'the scheduled job', timeoutMs: 20_000 });
  });

  it('refuses to send once stopped', async () => {
    await stopJobs(o.db);
    await expect(sendJob(o.db, 'test-work', { n: 5 })).rejects.toThrow(/not running/);
  });
});

describeNeeding([[postgres, 'separate pools stand for server instances; the embedded database serves one process']], 'jobs on several instances', () => {
  it('start together on a new database without deadlocking in the queue setup', async () => {
    const t = await createTestDatabase();
    // Separate pools over one database, as two server processes have.
    const instances = [t.db, await connectPostgres(t.url!, 2), await connectPostgres(t.url!, 2)];
    const queues = ['a', 'b', 'c', 'd', 'e'].map((name) => ({ name: `test-many-${name}`, async handle() {} })) as JobQueue<never>[];
    try {
      const started = await Promise.allSettled(instances.map((db) => startJobs(db, { databaseUrl: t.url }, queues)));
      expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'started'))).toEqual(['started', 'started', 'started']);
    } finally {
      for (const db of instances) await stopJobs(db);
      for (const db of instances.slice(1)) await db.close();
      await t.drop();
    }
  });
});
