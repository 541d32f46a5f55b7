import pg from 'pg';
import type { Database, Queryable } from './database.ts';

// int8 (count(*), bigserial ids) as JS numbers: our counts and ids stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export async function connectPostgres(connectionString: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle connection the server closed (restart, failover, a dropped test database) is
  // removed from the pool; the next query opens a new one. It must not crash the process.
  pool.on('error', (error) => console.warn(`[petawarga] idle database connection lost: ${error.message}`));
  // Fail at start-up, not on the first request, when the server is unreachable.
  await pool.query('SELECT 1');

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
      try {
        await client.query('BEGIN');
        const result = await fn(asQueryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async exec(script) {
      await pool.query(script);
    },
    async listen(channel, onPayload) {
      // LISTEN needs one session for its whole life, so a client of its own, outside the pool.
      if (!/^[a-z_]+$/.test(channel)) throw new Error(`unsafe channel name ${channel}`);
      const client = new pg.Client({ connectionString });
      client.on('error', (error) => console.warn(`[petawarga] LISTEN ${channel} connection lost: ${error.message}`));
      await client.connect();
      client.on('notification', (n) => n.channel === channel && onPayload(n.payload ?? ''));
      await client.query(`LISTEN ${channel}`);
      return async () => {
        await client.end();
      };
    },
    async close() {
      await pool.end();
    },
  } satisfies Database as Database;
}
