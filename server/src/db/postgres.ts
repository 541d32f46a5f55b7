import pg from 'pg';
import { isConnectionLoss } from './connection-loss.ts';
import type { Database, Queryable, Sql } from './database.ts';
import { listenWithReconnect } from './listener.ts';

// int8 (count(*), bigserial ids) as JS numbers: our counts and ids stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

const warn = (message: string) => console.warn(`[petawarga] ${message}`);

// A server that does not answer at all (a host gone, a SYN dropped) fails a request after 5 s
// with 503 instead of holding it until the client gives up; a refused connection fails at once.
// Set on the client, not the pool: pg-pool would apply it to the wait for a free connection
// too, and refuse requests under a burst while the database is fine.
class TimedClient extends pg.Client {
  constructor(config: pg.ClientConfig = {}) {
    super({ ...config, connectionTimeoutMillis: 5000 });
  }
}

export async function connectPostgres(connectionString: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: poolSize, keepAlive: true, Client: TimedClient });
  // An idle connection the server closed (restart, failover, a dropped test database) is
  // removed from the pool; the next query opens a new one. It must not crash the process.
  pool.on('error', (error) => warn(`idle database connection lost: ${error.message}`));
  // Fail at start-up, not on the first request, when the server is unreachable.
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end();
    throw error;
  }

  const asQueryable = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query(statement) {
      const result = await client.query(statement.text, statement.values as unknown[]);
      return result.rows;
    },
  });

  const asMvt = await pool.query(
    `SELECT EXISTS (SELECT 1 FROM pg_proc WHERE proname = 'st_asmvt') AS present`,
  );

  return {
    kind: 'postgres',
    hasAsMvt: Boolean(asMvt.rows[0]?.present),
    ...asQueryable(pool),
    async transaction(fn) {
      const client = await pool.connect();
      // pg-pool listens for a checked-out client's errors only while a pool.query runs on it;
      // a connection lost between statements (the transaction waits on a photo write) would
      // otherwise be an unhandled 'error' event, which ends the process. The statement that
      // follows fails with the loss instead.
      let lost: Error | undefined;
      const onError = (error: Error) => (lost = error);
      client.on('error', onError);
      try {
        await client.query('BEGIN');
        const result = await fn(asQueryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        if (isConnectionLoss(error)) lost ??= error as Error;
        if (!lost) await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.removeListener('error', onError);
        // A broken connection is closed rather than returned to the pool.
        client.release(lost);
      }
    },
    async *cursor<Row>(statement: Sql, batchRows: number) {
      const client = await pool.connect();
      let lost: Error | undefined;
      const onError = (error: Error) => (lost = error);
      client.on('error', onError);
      let finished = false;
      try {
        await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        await client.query(`DECLARE export_rows NO SCROLL CURSOR FOR ${statement.text}`, statement.values as unknown[]);
        for (;;) {
          const { rows } = await client.query(`FETCH FORWARD ${Math.trunc(batchRows)} FROM export_rows`);
          if (rows.length === 0) break;
          yield rows as Row[];
        }
        await client.query('COMMIT');
        finished = true;
      } catch (error) {
        if (isConnectionLoss(error)) lost ??= error as Error;
        throw error;
      } finally {
        // Also reached when the reader stops early (a download cancelled): the cursor goes with
        // the transaction.
        if (!finished && !lost) await client.query('ROLLBACK').catch(() => undefined);
        client.removeListener('error', onError);
        client.release(lost);
      }
    },
    async exec(script) {
      await pool.query(script);
    },
    listen(channel, onPayload, options) {
      return listenWithReconnect(connectionString, channel, onPayload, { onResumed: options?.onResumed, log: warn });
    },
    async close() {
      await pool.end();
    },
  } satisfies Database as Database;
}
