import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TileRenderError } from '../../../tiles/src/index.ts';
import { isConnectionLoss } from './connection-loss.ts';

// Real failures of node-postgres against sockets that misbehave the way an unreachable,
// crashing or hung database does; none needs a database.
async function listening(server: net.Server): Promise<number> {
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  return (server.address() as net.AddressInfo).port;
}

async function failureOf(connectionString: string, options: pg.PoolConfig = {}): Promise<Error> {
  const pool = new pg.Pool({ connectionString, max: 1, ...options });
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    return error as Error;
  } finally {
    await pool.end();
  }
  throw new Error('the query succeeded');
}

describe('telling a lost database connection from a defect', () => {
  let closedPort: number;
  const hangUp = net.createServer((socket) => socket.destroy());
  const silent = net.createServer(() => undefined);
  const held: net.Socket[] = [];
  silent.on('connection', (socket) => held.push(socket));
  let hangUpPort: number, silentPort: number;

  beforeAll(async () => {
    const probe = net.createServer();
    closedPort = await listening(probe);
    await new Promise((resolve) => probe.close(resolve));
    [hangUpPort, silentPort] = [await listening(hangUp), await listening(silent)];
  });
  afterAll(() => {
    for (const socket of held) socket.destroy();
    hangUp.close();
    silent.close();
  });

  it('counts a refused connection, a hang-up and a pool connect timeout as losses', async () => {
    const refused = await failureOf(`postgres://postgres@127.0.0.1:${closedPort}/petawarga`);
    expect((refused as { code?: string }).code).toBe('ECONNREFUSED');
    expect(isConnectionLoss(refused)).toBe(true);

    const hungUp = await failureOf(`postgres://postgres@127.0.0.1:${hangUpPort}/petawarga`);
    expect(hungUp.message).toMatch(/Connection terminated/);
    expect(isConnectionLoss(hungUp)).toBe(true);

    // A server that accepts but never answers: the pool gives up after connectionTimeoutMillis.
    const timedOut = await failureOf(`postgres://postgres@127.0.0.1:${silentPort}/petawarga`, { connectionTimeoutMillis: 200 });
    expect(isConnectionLoss(timedOut)).toBe(true);
    // The same on a client of its own, as db/postgres.ts sets it.
    const client = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${silentPort}/petawarga`, connectionTimeoutMillis: 200 });
    const clientTimedOut = await client.connect().then(() => undefined, (error: Error) => error);
    expect(clientTimedOut?.message).toBe('timeout expired');
    expect(isConnectionLoss(clientTimedOut)).toBe(true);
  });

  it('looks through a wrapping error to its cause, as a failed tile render keeps it', async () => {
    const refused = await failureOf(`postgres://postgres@127.0.0.1:${closedPort}/petawarga`);
    expect(isConnectionLoss(new TileRenderError('reports', { z: 3, x: 6, y: 4 }, refused))).toBe(true);
    expect(isConnectionLoss(new TileRenderError('reports', { z: 3, x: 6, y: 4 }, new Error('column "nope" does not exist')))).toBe(false);
  });

  it('does not count an ordinary error or a refused statement as a loss', () => {
    expect(isConnectionLoss(new Error('could not draw an unused tracking code in 5 attempts'))).toBe(false);
    expect(isConnectionLoss(Object.assign(new Error('duplicate key value'), { code: '23505' }))).toBe(false);
    expect(isConnectionLoss(undefined)).toBe(false);
  });
});
