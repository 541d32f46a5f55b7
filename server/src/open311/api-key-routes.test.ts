import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { signIn } from '../test/staff.ts';
import { apiKeyHash } from './api-keys.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('API keys in the console', () => {
  it('shows a new key once, stores only its SHA-256, and lists it without either', async () => {
    const admin = await signIn(t.app, t.db, { role: 'admin', name: 'Admin Kota' });
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: admin.headers, payload: { name: 'Aplikasi RT/RW' } });
    expect(res.statusCode).toBe(201);
    const issued = res.json();
    expect(issued).toMatchObject({ name: 'Aplikasi RT/RW', created_by: 'Admin Kota', revoked_at: null, last_used_at: null });
    expect(issued.key).toMatch(/^pw311_[A-Za-z0-9_-]{43}$/);
    const [stored] = await t.db.query<{ key_hash: string }>(sql`SELECT key_hash FROM open311_api_keys WHERE id = ${issued.id}`);
    expect(stored.key_hash).toBe(apiKeyHash(issued.key));
    expect(JSON.stringify(await t.db.query(sql`SELECT * FROM open311_api_keys`))).not.toContain(issued.key);

    const list = await t.app.inject({ method: 'GET', url: '/api/admin/api-keys', headers: { cookie: admin.cookie } });
    expect(list.json()).toEqual([expect.objectContaining({ id: issued.id, name: 'Aplikasi RT/RW' })]);
    expect(list.body).not.toContain(issued.key);
    expect(list.body).not.toContain(stored.key_hash);
  });

  it('revokes a key, keeps it listed, and answers an unknown one with 404', async () => {
    const admin = await signIn(t.app, t.db, { role: 'admin' });
    const issued = (await t.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: admin.headers, payload: { name: 'Dicabut' } })).json();
    const revoked = await t.app.inject({ method: 'POST', url: `/api/admin/api-keys/${issued.id}/revoke`, headers: admin.headers });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revoked_at).toMatch(/Z$/);
    const list = (await t.app.inject({ method: 'GET', url: '/api/admin/api-keys', headers: { cookie: admin.cookie } })).json();
    expect(list.find((k: { id: number }) => k.id === issued.id).revoked_at).toBe(revoked.json().revoked_at);
    const unknown = await t.app.inject({ method: 'POST', url: '/api/admin/api-keys/999999/revoke', headers: admin.headers });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('API_KEY_NOT_FOUND');
  });

  it('lets only admins in, and only with the CSRF token for writes', async () => {
    const moderator = await signIn(t.app, t.db, { role: 'moderator' });
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/api-keys', headers: { cookie: moderator.cookie } })).json().error.code)
      .toBe('FORBIDDEN');
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/api-keys' })).statusCode).toBe(401);
    const admin = await signIn(t.app, t.db, { role: 'admin' });
    const forged = await t.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: { cookie: admin.cookie }, payload: { name: 'x' } });
    expect(forged.statusCode).toBe(403);
    expect(forged.json().error.code).toBe('CSRF_TOKEN_INVALID');
    const blank = await t.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: admin.headers, payload: { name: '   ' } });
    expect(blank.statusCode).toBe(400);
  });
});
