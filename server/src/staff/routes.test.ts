import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { signIn } from '../test/staff.ts';
import { createStaff } from './create.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const login = (email: string, password: string, remoteAddress = '127.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/staff/login', payload: { email, password }, remoteAddress });

// Every header but those that differ between any two answers (the clock, the rate-limit count).
const stableHeaders = (headers: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => !['date', 'x-ratelimit-remaining', 'x-ratelimit-reset'].includes(name)));

describe('staff sign-in', () => {
  it('signs in with an httpOnly, SameSite=Strict session cookie and answers /me', async () => {
    await createStaff(t.db, { email: 'Admin@Tangerang.go.id', name: 'Admin', password: 'rahasia-sekali-1', role: 'admin' });
    const res = await login('admin@tangerang.go.id', 'rahasia-sekali-1');
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/pw_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const me = await t.app.inject({ method: 'GET', url: '/api/staff/me', headers: { cookie: setCookie.split(';')[0] } });
    expect(me.json()).toMatchObject({ role: 'admin', email: 'Admin@Tangerang.go.id' });
    const [stored] = await t.db.query<{ password_hash: string }>(sql`SELECT password_hash FROM staff WHERE email = 'Admin@Tangerang.go.id'`);
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('answers an unknown e-mail, an inactive account and a wrong password identically', async () => {
    await createStaff(t.db, { email: 'aktif@tangerang.go.id', name: 'A', password: 'benar-sekali-1', role: 'planner' });
    await createStaff(t.db, { email: 'pensiun@tangerang.go.id', name: 'P', password: 'benar-sekali-1', role: 'planner' });
    await t.db.query(sql`UPDATE staff SET is_active = false WHERE email = 'pensiun@tangerang.go.id'`);
    const refusals = await Promise.all([
      login('aktif@tangerang.go.id', 'salah-sekali-99', '192.0.2.10'),
      login('nobody@tangerang.go.id', 'salah-sekali-99', '192.0.2.11'),
      // The right password of an account that was switched off.
      login('pensiun@tangerang.go.id', 'benar-sekali-1', '192.0.2.12'),
    ]);
    const answers = refusals.map((r) => ({ status: r.statusCode, body: r.body, headers: stableHeaders(r.headers) }));
    expect(answers[0].status).toBe(401);
    expect(answers[0].body).toContain('"INVALID_CREDENTIALS"');
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it('answers a throttled address the same whether the e-mail has an account or not', async () => {
    await createStaff(t.db, { email: 'ada@tangerang.go.id', name: 'A', password: 'benar-sekali-1', role: 'planner' });
    for (let i = 0; i < 5; i++) {
      expect((await login('ada@tangerang.go.id', 'tebakan-salah', '192.0.2.20')).statusCode).toBe(401);
      expect((await login('tiada@tangerang.go.id', 'tebakan-salah', '192.0.2.21')).statusCode).toBe(401);
    }
    const known = await login('ada@tangerang.go.id', 'benar-sekali-1', '192.0.2.20');
    const unknown = await login('tiada@tangerang.go.id', 'benar-sekali-1', '192.0.2.21');
    expect(known.statusCode).toBe(429);
    expect(known.json().error.code).toBe('SIGN_IN_THROTTLED');
    expect(known.headers['retry-after']).toBe('30');
    expect({ status: unknown.statusCode, body: unknown.body, headers: stableHeaders(unknown.headers) })
      .toEqual({ status: known.statusCode, body: known.body, headers: stableHeaders(known.headers) });
  });

  it('refuses a write without the CSRF token, and any request without a session', async () => {
    const staff = await signIn(t.app, t.db, { role: 'moderator' });
    const noSession = await t.app.inject({ method: 'GET', url: '/api/staff/me' });
    expect(noSession.statusCode).toBe(401);
    const noCsrf = await t.app.inject({
      method: 'POST', url: '/api/reports/TGR-222222/status', headers: { cookie: staff.cookie }, payload: { to: 'published' },
    });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.code).toBe('CSRF_TOKEN_INVALID');
  });

  it('refuses a logout without the CSRF token, and ends the session on one with it', async () => {
    const staff = await signIn(t.app, t.db, { role: 'moderator' });
    const forged = await t.app.inject({ method: 'POST', url: '/api/staff/logout', headers: { cookie: staff.cookie } });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('CSRF_TOKEN_INVALID');
    expect((await t.app.inject({ method: 'GET', url: '/api/staff/me', headers: { cookie: staff.cookie } })).statusCode).toBe(200);

    const logout = await t.app.inject({ method: 'POST', url: '/api/staff/logout', headers: staff.headers });
    expect(logout.statusCode).toBe(204);
    expect(String(logout.headers['set-cookie'])).toMatch(/pw_session=;/);
    expect((await t.app.inject({ method: 'GET', url: '/api/staff/me', headers: { cookie: staff.cookie } })).statusCode).toBe(401);
  });

  it('hands the session its CSRF token again after a reload, and nobody else any', async () => {
    const staff = await signIn(t.app, t.db, { role: 'planner' });
    const session = await t.app.inject({ method: 'GET', url: '/api/staff/session', headers: { cookie: staff.cookie } });
    expect(session.statusCode).toBe(200);
    expect(session.headers['cache-control']).toBe('no-store');
    expect(session.json()).toMatchObject({ csrf_token: staff.csrf, staff: { role: 'planner' } });
    const none = await t.app.inject({ method: 'GET', url: '/api/staff/session' });
    expect(none.statusCode).toBe(401);
    const stale = await t.app.inject({ method: 'GET', url: '/api/staff/session', headers: { cookie: 'pw_session=made-up' } });
    expect(stale.statusCode).toBe(401);
  });

  it('validates new accounts: role, scope, password length, duplicates', async () => {
    await expect(createStaff(t.db, { email: 'x@y.id', name: 'x', password: 'short', role: 'admin' }))
      .rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(createStaff(t.db, { email: 'x@y.id', name: 'x', password: 'long-enough-1', role: 'department_officer' }))
      .rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(createStaff(t.db, { email: 'x@y.id', name: 'x', password: 'long-enough-1', role: 'department_officer', departmentCode: 'nope' }))
      .rejects.toMatchObject({ code: 'UNKNOWN_DEPARTMENT' });
    await expect(createStaff(t.db, { email: 'ADMIN@tangerang.go.id', name: 'x', password: 'long-enough-1', role: 'admin' }))
      .rejects.toMatchObject({ code: 'STAFF_EXISTS' });
  });
});
