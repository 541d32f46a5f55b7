import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { signIn, type SignedIn } from '../test/staff.ts';

let t: TestApp;
let moderator: SignedIn;
beforeAll(async () => {
  t = await createTestApp({ sourceBurstLimit: 5 });
  moderator = await signIn(t.app, t.db, { role: 'moderator' });
});
afterAll(() => t?.close());

const submit = (description: string, remoteAddress = '10.1.1.1') =>
  t.app.inject({
    method: 'POST', url: '/api/reports', remoteAddress,
    payload: { category: 'jalan_rusak', description, lon: 106.632, lat: -6.17 },
  }).then((r) => r.json());

const isPublic = async (code: string) => (await t.app.inject({ method: 'GET', url: `/api/reports/${code}` })).statusCode === 200;

describe('moderation', () => {
  it('publishes a clean report at once', async () => {
    const r = await submit('Jalan berlubang besar di depan sekolah dasar', '10.0.0.1');
    expect(r.status).toBe('published');
    expect(await isPublic(r.code)).toBe(true);
  });

  it('holds an abusive or promotional report out of every public output', async () => {
    const abusive = await submit('Dasar pejabat g0bl0k, jalan rusak dibiarkan', '10.0.0.2');
    const promo = await submit('Promo jual aspal murah, klik www.aspalmurah.com', '10.0.0.3');
    for (const r of [abusive, promo]) {
      expect(r.status).toBe('submitted');
      expect(await isPublic(r.code)).toBe(false);
      const list = (await t.app.inject({ method: 'GET', url: '/api/reports?limit=1000' })).json();
      expect(list.features.map((f: { id: string }) => f.id)).not.toContain(r.code);
    }
    const queue = (await t.app.inject({ method: 'GET', url: '/api/moderation/queue', headers: moderator.headers })).json();
    const held = queue.reports.find((q: { code: string }) => q.code === abusive.code);
    expect(held.moderation_flags.flags).toContain('abusive');
    expect(held.moderation_flags.evidence.abusive).toContain('goblok');
    // staff read places and departments by name, the codes kept beside them
    const [names] = await t.db.query<{ kelurahan: string; kecamatan: string; department: string }>(sql`
      SELECT k.name AS kelurahan, kc.name AS kecamatan, d.name AS department FROM reports r
      JOIN kelurahan k ON k.code = r.kelurahan_code JOIN kecamatan kc ON kc.code = r.kecamatan_code
      JOIN departments d ON d.code = r.department_code WHERE r.code = ${abusive.code}`);
    expect(held).toMatchObject({ kelurahan_name: names.kelurahan, kecamatan_name: names.kecamatan, department_name: names.department });
    expect(held.department_name).not.toBe(held.department);
  });

  it('holds the sixth report from one source within ten minutes', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await submit(`Jalan rusak nomor ${i} di gang yang sama`, '10.9.9.9')).status);
    expect(statuses).toEqual(['published', 'published', 'published', 'published', 'published', 'submitted']);
  });

  it('lets a moderator edit out personal data, then approve or reject with a reason', async () => {
    const r = await submit('Jalan rusak di depan rumah saya, hubungi 0812 3456 7890', '10.0.0.4');
    expect(r.status).toBe('submitted');
    const edit = await t.app.inject({
      method: 'PATCH', url: `/api/reports/${r.code}`, headers: moderator.headers,
      payload: { description: 'Jalan rusak di depan rumah saya, hubungi [nomor dihapus]', reason: 'Nomor telepon dihapus' },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const approve = await t.app.inject({
      method: 'POST', url: `/api/reports/${r.code}/status`, headers: moderator.headers, payload: { to: 'published' },
    });
    expect(approve.statusCode).toBe(200);
    const page = (await t.app.inject({ method: 'GET', url: `/api/reports/${r.code}` })).json();
    expect(page.description).not.toMatch(/0812/);

    const spam = await submit('Jual pulsa murah promo hari ini www.pulsa.xyz', '10.0.0.5');
    const reject = await t.app.inject({
      method: 'POST', url: `/api/reports/${spam.code}/status`, headers: moderator.headers,
      payload: { to: 'rejected', reason: 'Promosi, bukan laporan layanan publik' },
    });
    expect(reject.statusCode).toBe(200);
    expect(await isPublic(spam.code)).toBe(false);
  });

  it('keeps the queue to moderators', async () => {
    const officer = await signIn(t.app, t.db, { role: 'department_officer', departmentCode: 'tgr-pupr' });
    expect((await t.app.inject({ method: 'GET', url: '/api/moderation/queue', headers: officer.headers })).statusCode).toBe(403);
  });
});
