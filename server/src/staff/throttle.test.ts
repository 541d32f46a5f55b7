import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { createStaff } from './create.ts';
import { clientKey } from './throttle.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await createStaff(t.db, { email: 'admin@tangerang.go.id', name: 'Admin', password: 'benar-sekali-1', role: 'admin' });
});
afterAll(() => t?.close());

const login = (email: string, password: string, remoteAddress: string) =>
  t.app.inject({ method: 'POST', url: '/api/staff/login', payload: { email, password }, remoteAddress });

/** As if every block had run out and the per-minute route limit had started a new window. */
async function timePasses() {
  await t.db.query(sql`UPDATE login_throttle SET blocked_until = now() - interval '1 second' WHERE blocked_until IS NOT NULL`);
  await t.db.query(sql`DELETE FROM rate_limit_hits`);
}

describe('back-off after failed sign-ins', () => {
  const attacker = '203.0.113.66';
  const owner = '198.51.100.23';

  it('cannot be used to lock the owner out: failures elsewhere never refuse their right password', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await login('admin@tangerang.go.id', `tebakan-${i}`, attacker)).statusCode);
    // Four free failures, the fifth starts a block; while it lasts no guess is even checked.
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    const fromOwner = await login('admin@tangerang.go.id', 'benar-sekali-1', owner);
    expect(fromOwner.statusCode).toBe(200);
    // The attacker's address stays blocked, even for the right password.
    expect((await login('admin@tangerang.go.id', 'benar-sekali-1', attacker)).statusCode).toBe(429);
  });

  it('doubles the wait with each failure past the free ones, up to 15 minutes', async () => {
    const waits: string[] = [];
    for (let i = 0; i < 7; i++) {
      await timePasses();
      expect((await login('admin@tangerang.go.id', 'masih-salah', attacker)).statusCode).toBe(401);
      waits.push(String((await login('admin@tangerang.go.id', 'masih-salah', attacker)).headers['retry-after']));
    }
    expect(waits).toEqual(['60', '120', '240', '480', '900', '900', '900']);
  });

  it('starts the pair afresh after a successful sign-in and after an hour without failures', async () => {
    const ip = '203.0.113.70';
    for (let i = 0; i < 4; i++) expect((await login('admin@tangerang.go.id', 'salah', ip)).statusCode).toBe(401);
    expect((await login('admin@tangerang.go.id', 'benar-sekali-1', ip)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login('admin@tangerang.go.id', 'salah', ip)).statusCode).toBe(401);
    await t.db.query(sql`UPDATE login_throttle SET last_failure_at = now() - interval '61 minutes' WHERE key LIKE ${`pair|${ip}|%`}`);
    expect((await login('admin@tangerang.go.id', 'salah', ip)).statusCode).toBe(401);
    expect((await login('admin@tangerang.go.id', 'benar-sekali-1', ip)).statusCode).toBe(200);
  });

  it('blocks an address that tries many e-mails after 20 failures, and only that address', async () => {
    const ip = '203.0.113.80';
    await t.db.query(sql`DELETE FROM rate_limit_hits`);
    for (let i = 0; i < 20; i++) expect((await login(`orang${i}@tangerang.go.id`, 'salah', ip)).statusCode).toBe(401);
    await t.db.query(sql`DELETE FROM rate_limit_hits`);
    const refused = await login('admin@tangerang.go.id', 'benar-sekali-1', ip);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('SIGN_IN_THROTTLED');
    expect(refused.headers['retry-after']).toBe('30');
    expect((await login('admin@tangerang.go.id', 'benar-sekali-1', '203.0.113.81')).statusCode).toBe(200);
  });

  it('counts the addresses of one IPv6 /64 as one client', () => {
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('::1')).toBe('0:0:0:0::/64');
    expect(clientKey('::ffff:203.0.113.5')).toBe('203.0.113.5');
    expect(clientKey('203.0.113.5')).toBe('203.0.113.5');
  });
});
