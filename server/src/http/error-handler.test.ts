import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { readConfig } from '../config.ts';
import { sql } from '../db/database.ts';
import { createStaff } from '../staff/create.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { retryAfterSeconds } from './error-handler.ts';

// Routes that make the database fail for real, registered only on this file's app.
function addProbeRoutes(app: FastifyInstance, unreachable: { refused: string; hungUp: string }) {
  app.post('/test/staff', async (request, reply) => {
    const { email } = request.body as { email: string };
    await createStaff(request.tx, { email, name: 'Petugas Uji', password: 'kata-sandi-uji-123', role: 'moderator' });
    reply.status(201);
    return { email };
  });
  app.get('/test/integer', async (request) => {
    const { value } = request.query as { value: string };
    return app.db.query(sql`SELECT ${value}::integer AS n`);
  });
  app.post('/test/text', async (request) => {
    const { text } = request.body as { text: string };
    return app.db.query(sql`SELECT length(${text}::text) AS n`);
  });
  app.get('/test/terminated', async () => app.db.query(sql`SELECT pg_terminate_backend(pg_backend_pid())`));
  for (const [name, connectionString] of Object.entries(unreachable)) {
    app.get(`/test/${name}`, async () => {
      const pool = new pg.Pool({ connectionString, max: 1 });
      try {
        return (await pool.query('SELECT 1')).rows;
      } finally {
        await pool.end();
      }
    });
  }
}

/** A port nothing listens on: opened by the system, then closed again. */
async function closedPort(): Promise<number> {
  const server = net.createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A server that accepts each connection and hangs up at once, as a crashing database does. */
async function hangingUpServer(): Promise<net.Server> {
  const server = net.createServer((socket) => socket.destroy()).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return server;
}

describe.runIf(readConfig().databaseUrl)('the error handler with a real database', () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  let hangUp: net.Server;
  let dataDir: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'petawarga-test-'));
    hangUp = await hangingUpServer();
    app = await buildApp({ config: { ...readConfig(), dataDir }, db: t.db });
    addProbeRoutes(app, {
      refused: `postgres://postgres@127.0.0.1:${await closedPort()}/petawarga`,
      hungUp: `postgres://postgres@127.0.0.1:${(hangUp.address() as net.AddressInfo).port}/petawarga`,
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
    hangUp?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers the loser of a race for the same staff e-mail with 409 STAFF_EXISTS, not 500', async () => {
    // Both creations pass createStaff's own check for the e-mail, then wait at the table lock
    // to insert; once it is released, the unique index decides between them.
    const holder = new pg.Client({ connectionString: t.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE staff IN EXCLUSIVE MODE');
      const email = 'rebutan@petawarga.test';
      const creations = [1, 2].map(() => app.inject({ method: 'POST', url: '/test/staff', payload: { email } }));
      let waiting = 0;
      while (waiting < 2) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        const { rows } = await holder.query(`
          SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
          WHERE c.relname = 'staff' AND NOT l.granted`);
        waiting = rows[0].n;
      }
      await holder.query('COMMIT');
      const responses = await Promise.all(creations);
      expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      const loser = responses.find((r) => r.statusCode === 409)!;
      expect(loser.json().error.code).toBe('STAFF_EXISTS');
      expect(loser.body).not.toMatch(/staff_email_idx|duplicate key|violates/);
    } finally {
      await holder.end();
    }
  });

  it('answers text that is not a number (22P02) with 400 INVALID_VALUE, without the SQL error', async () => {
    const response = await app.inject({ method: 'GET', url: '/test/integer?value=dua' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('INVALID_VALUE');
    expect(response.body).not.toMatch(/invalid input syntax|integer/);
  });

  it('answers a NUL character in text (22021) with 400 INVALID_VALUE', async () => {
    const response = await app.inject({ method: 'POST', url: '/test/text', payload: { text: 'jalan\u0000rusak' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('INVALID_VALUE');
    expect(response.body).not.toMatch(/byte sequence|UTF8/);
  });

  it('answers a connection the server terminated (57P01) with 503 and Retry-After, then serves again', async () => {
    const response = await app.inject({ method: 'GET', url: '/test/terminated' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe(String(retryAfterSeconds));
    expect(response.json().error.code).toBe('DATABASE_UNAVAILABLE');
    expect(response.body).not.toMatch(/terminating connection|administrator/);
    expect((await app.inject({ method: 'GET', url: '/test/integer?value=2' })).json()).toEqual([{ n: 2 }]);
  });

  it.each([
    ['refused', 'a closed port (ECONNREFUSED)'],
    ['hungUp', 'a server that hangs up (Connection terminated unexpectedly)'],
  ])('answers a database at %s, %s, with 503 and Retry-After', async (name) => {
    const response = await app.inject({ method: 'GET', url: `/test/${name}` });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe(String(retryAfterSeconds));
    expect(response.json().error).toMatchObject({ code: 'DATABASE_UNAVAILABLE', message_id: expect.stringMatching(/basis data/i) });
    expect(response.body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|terminated/);
  });
});
