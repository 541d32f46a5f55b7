import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { eventually } from '../test/eventually.ts';
import { describeNeeding, postgres } from '../test/requirements.ts';
import { isConnectionLoss } from './connection-loss.ts';
import { sql } from './database.ts';

// Without the fix the client's 'error' event has no listener: Vitest reports it as an unhandled
// error and fails the run, as the same event ends the server process.
describeNeeding([[postgres, 'ends a session from another one (pg_terminate_backend)']], 'a PostgreSQL connection lost mid-transaction', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('fails the transaction with a connection loss, without an unhandled error event, and the pool serves again', async () => {
    const outcome = t.db.transaction(async (tx) => {
      const [{ pid }] = await tx.query<{ pid: number }>(sql`SELECT pg_backend_pid() AS pid`);
      // Between two statements, as a write request is while it stores photo files: nothing
      // is waiting for an answer on the connection when the server ends it.
      await t.db.query(sql`SELECT pg_terminate_backend(${pid}::int)`);
      await eventually(async () => {
        const rows = await t.db.query(sql`SELECT 1 FROM pg_stat_activity WHERE pid = ${pid}::int`);
        return rows.length === 0;
      }, { what: 'the session to end' });
      // Gives the client the moment to see its socket close before the next statement.
      await new Promise((resolve) => setImmediate(resolve));
      await tx.query(sql`SELECT 1`);
    });
    const error = await outcome.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(isConnectionLoss(error)).toBe(true);
    expect(await t.db.query(sql`SELECT 2 AS n`)).toEqual([{ n: 2 }]);
  });
});
