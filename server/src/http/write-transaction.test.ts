import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { registerErrorHandler } from './error-handler.ts';
import { useWriteTransactions } from './write-transaction.ts';

// The one transaction of a write request, on a bare app with probe routes over a real database.
let t: TestDatabase;
let app: FastifyInstance;
const undone: string[] = [];
const committed: string[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  // Deferred: the duplicate is only refused at COMMIT, after the handler has returned its answer.
  await t.db.exec(`
    CREATE TABLE probe (name text, CONSTRAINT probe_name_key UNIQUE (name) DEFERRABLE INITIALLY DEFERRED)`);
  app = Fastify();
  registerErrorHandler(app);
  useWriteTransactions(app, t.db, {
    beforeCommit: async (tx) => (await tx.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM probe`))[0].n,
    afterCommit: async (count) => void committed.push(`after commit: ${count} rows`),
  });
  app.post('/probe/:names', async (request, reply) => {
    const { names } = request.params as { names: string };
    for (const name of names.split(',')) {
      await request.tx.query(sql`INSERT INTO probe (name) VALUES (${name})`);
      request.tx.onRollback(async () => void undone.push(name));
    }
    if (names.includes('refuse')) throw new Error('refused after writing');
    reply.status(201);
    return { stored: names.split(',') };
  });
  app.post('/probe-nothing', async () => ({ ok: true }));
  app.get('/probe', async () => t.db.query(sql`SELECT name FROM probe ORDER BY name`));
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const names = async () => (await t.db.query<{ name: string }>(sql`SELECT name FROM probe ORDER BY name`)).map((r) => r.name);

describe('a write request', () => {
  it('commits what its handler wrote before answering, and runs the commit hooks', async () => {
    const res = await app.inject({ method: 'POST', url: '/probe/a,b' });
    expect(res.statusCode).toBe(201);
    expect(await names()).toEqual(['a', 'b']);
    expect(committed).toEqual(['after commit: 2 rows']);
  });

  it('rolls back everything and runs the undos when the handler throws', async () => {
    const res = await app.inject({ method: 'POST', url: '/probe/c,refuse' });
    expect(res.statusCode).toBe(500);
    expect(await names()).toEqual(['a', 'b']);
    expect(undone).toEqual(['refuse', 'c']);
    expect(committed).toHaveLength(1);
  });

  it('answers the COMMIT\'s failure, not the handler\'s answer, when the commit is refused', async () => {
    undone.length = 0;
    const res = await app.inject({ method: 'POST', url: '/probe/d,a' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CONFLICT');
    expect(await names()).toEqual(['a', 'b']);
    expect(undone).toEqual(['a', 'd']);
  });

  it('opens no transaction when the handler never queries', async () => {
    const res = await app.inject({ method: 'POST', url: '/probe-nothing' });
    expect(res.json()).toEqual({ ok: true });
    expect(committed).toHaveLength(1);
  });
});
