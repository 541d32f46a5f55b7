import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { signIn, type SignedIn } from '../test/staff.ts';

let t: TestApp;
let admin: SignedIn;
let moderator: SignedIn;
let kelurahanCode: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, t.db, { role: 'admin' });
  moderator = await signIn(t.app, t.db, { role: 'moderator' });
  [{ code: kelurahanCode }] = await t.db.query<{ code: string }>(sql`SELECT code FROM kelurahan ORDER BY code LIMIT 1`);
});
afterAll(() => t?.close());

const patch = (url: string, payload: unknown, as: SignedIn = admin) =>
  t.app.inject({ method: 'PATCH', url, headers: as.headers, payload: payload as object });

function expectRefusal(res: Awaited<ReturnType<typeof patch>>, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().error).toMatchObject({ code, message_id: expect.any(String), message_en: expect.any(String) });
}

describe('supervisor contacts', () => {
  it("sets, lists by name and removes a department's and a kelurahan's supervisor", async () => {
    const dept = await patch('/api/admin/supervisors/departments/tgr-dlh', { supervisor_email: 'kabid@dlh.tangerangkota.example' });
    expect(dept.statusCode, dept.body).toBe(200);
    expect(dept.json()).toMatchObject({
      code: 'tgr-dlh', name: expect.stringContaining('Lingkungan Hidup'), city_name: expect.any(String),
      supervisor_email: 'kabid@dlh.tangerangkota.example',
    });
    const kel = await patch(`/api/admin/supervisors/kelurahan/${kelurahanCode}`, { supervisor_email: 'lurah@tangerangkota.example' });
    expect(kel.statusCode, kel.body).toBe(200);
    expect(kel.json()).toMatchObject({ code: kelurahanCode, kecamatan_name: expect.any(String), supervisor_email: 'lurah@tangerangkota.example' });

    const list = await t.app.inject({ method: 'GET', url: '/api/admin/supervisors', headers: admin.headers });
    expect(list.statusCode).toBe(200);
    const { departments, kelurahan } = list.json();
    expect(departments.find((d: { code: string }) => d.code === 'tgr-dlh').supervisor_email).toBe('kabid@dlh.tangerangkota.example');
    expect(kelurahan.find((k: { code: string }) => k.code === kelurahanCode)).toMatchObject({
      name: expect.any(String), supervisor_email: 'lurah@tangerangkota.example',
    });

    expect((await patch('/api/admin/supervisors/departments/tgr-dlh', { supervisor_email: null })).json().supervisor_email).toBeNull();
    const [row] = await t.db.query(sql`SELECT supervisor_email FROM departments WHERE code = 'tgr-dlh'`);
    expect(row).toEqual({ supervisor_email: null });
  });

  it('refuses an address that is not an e-mail address, or a missing or extra field, with VALIDATION_FAILED', async () => {
    for (const payload of [
      { supervisor_email: 'bukan-email' }, { supervisor_email: 'dua@@example.org' }, { supervisor_email: 'a@b' },
      { supervisor_email: '' }, {}, { supervisor_email: 'ok@example.org', phone: '0812' },
    ]) {
      expectRefusal(await patch('/api/admin/supervisors/departments/tgr-dlh', payload), 400, 'VALIDATION_FAILED');
      expectRefusal(await patch(`/api/admin/supervisors/kelurahan/${kelurahanCode}`, payload), 400, 'VALIDATION_FAILED');
    }
    const [row] = await t.db.query(sql`SELECT supervisor_email FROM kelurahan WHERE code = ${kelurahanCode}`);
    expect(row).toEqual({ supervisor_email: 'lurah@tangerangkota.example' });
  });

  it('refuses an unknown department or kelurahan with UNKNOWN_DEPARTMENT and UNKNOWN_KELURAHAN', async () => {
    expectRefusal(await patch('/api/admin/supervisors/departments/tgr-nope', { supervisor_email: 'a@example.org' }), 422, 'UNKNOWN_DEPARTMENT');
    expectRefusal(await patch('/api/admin/supervisors/kelurahan/36.71.99.9999', { supervisor_email: 'a@example.org' }), 422, 'UNKNOWN_KELURAHAN');
  });

  it('is for admins only', async () => {
    expectRefusal(await patch('/api/admin/supervisors/departments/tgr-dlh', { supervisor_email: 'a@example.org' }, moderator), 403, 'FORBIDDEN');
    const list = await t.app.inject({ method: 'GET', url: '/api/admin/supervisors', headers: moderator.headers });
    expectRefusal(list, 403, 'FORBIDDEN');
    expectRefusal(await t.app.inject({ method: 'GET', url: '/api/admin/supervisors' }), 401, 'NOT_SIGNED_IN');
  });
});
