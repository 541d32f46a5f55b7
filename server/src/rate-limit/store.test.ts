import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { sql, type Database } from '../db/database.ts';
import { connectPostgres } from '../db/postgres.ts';
import { createStaff } from '../staff/create.ts';
import { createTestApp, type TestApp } from '../test/app.ts';

// Two server instances over one database, as behind a load balancer: a limit or a lock-out
// must hold for the pair, not for each.
let a: TestApp;
let b: { app: FastifyInstance; db: Database };

beforeAll(async () => {
  a = await createTestApp();
  // The embedded database is single-process, so there the second instance shares it.
  const db = a.url ? await connectPostgres(a.url, 2) : a.db;
  b = { db, app: await buildApp({ config: a.app.config, db }) };
});
afterAll(async () => {
  await b?.app.close();
  if (b?.db !== a?.db) await b?.db.close();
  await a?.close();
});

const login = (app: FastifyInstance, email: string, password: string, ip = '203.0.113.7') =>
  app.inject({ method: 'POST', url: '/api/staff/login', payload: { email, password }, remoteAddress: ip });

describe('rate limits shared by every instance', () => {
  it('allows 20 sign-in attempts a minute from one address across both instances, then answers 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await login(i % 2 ? b.app : a.app, `nobody${i}@example.org`, 'x')).statusCode);
    expect(statuses.every((s) => s === 401)).toBe(true);
    const refused = await login(b.app, 'nobody@example.org', 'x');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login(a.app, 'nobody@example.org', 'x')).statusCode).toBe(429);
    // Another address has its own count, and another limited route its own.
    expect((await login(a.app, 'nobody@example.org', 'x', '203.0.113.8')).statusCode).toBe(401);
    const support = await b.app.inject({ method: 'POST', url: '/api/reports/TGR-AAAAAA/support', remoteAddress: '203.0.113.7' });
    expect(support.statusCode).not.toBe(429);
  });

  it('starts a new window once the old one has ended', async () => {
    const ip = '203.0.113.9';
    for (let i = 0; i < 20; i++) await login(a.app, 'late@example.org', 'x', ip);
    expect((await login(b.app, 'late@example.org', 'x', ip)).statusCode).toBe(429);
    // As if the minute had passed.
    await a.db.query(sql`UPDATE rate_limit_hits SET window_ends_at = now() - interval '1 second'`);
    // Twenty failures also make the address wait (server/src/staff/throttle.test.ts): forgotten here.
    await a.db.query(sql`DELETE FROM login_throttle`);
    expect((await login(b.app, 'late@example.org', 'x', ip)).statusCode).toBe(401);
  });

  it('makes an address wait after 5 failures for one e-mail spread over both instances', async () => {
    await createStaff(a.db, { email: 'kunci@tangerang.go.id', name: 'K', password: 'benar-sekali-1', role: 'planner' });
    for (let i = 0; i < 5; i++) {
      expect((await login(i % 2 ? a.app : b.app, 'kunci@tangerang.go.id', 'salah', '198.51.100.7')).statusCode).toBe(401);
    }
    for (const app of [a.app, b.app]) {
      const waiting = await login(app, 'kunci@tangerang.go.id', 'benar-sekali-1', '198.51.100.7');
      expect(waiting.statusCode).toBe(429);
      expect(waiting.json().error.code).toBe('SIGN_IN_THROTTLED');
    }
    // The owner, elsewhere, is never locked out by them.
    expect((await login(b.app, 'kunci@tangerang.go.id', 'benar-sekali-1', '198.51.100.99')).statusCode).toBe(200);
  });
});
