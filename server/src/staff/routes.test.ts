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

const login = (email: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/staff/login', payload: { email, password } });

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

  it('refuses a wrong password and an unknown e-mail alike', async () => {
    const wrong = await login('admin@tangerang.go.id', 'salah-sekali-99');
    const unknown = await login('nobody@tangerang.go.id', 'salah-sekali-99');
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('locks an account after 5 failures, even against the right password', async () => {
    await createStaff(t.db, { email: 'lock@tangerang.go.id', name: 'L', password: 'benar-sekali-1', role: 'planner' });
    for (let i = 0; i < 5; i++) expect((await login('lock@tangerang.go.id', 'tebakan-salah')).statusCode).toBe(401);
    const locked = await login('lock@tangerang.go.id', 'benar-sekali-1');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
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

  it('ends the session on logout', async () => {
    const staff = await signIn(t.app, t.db, { role: 'moderator' });
    await t.app.inject({ method: 'POST', url: '/api/staff/logout', headers: { cookie: staff.cookie } });
    expect((await t.app.inject({ method: 'GET', url: '/api/staff/me', headers: { cookie: staff.cookie } })).statusCode).toBe(401);
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
