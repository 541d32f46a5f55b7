import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { signIn, type SignedIn } from '../test/staff.ts';

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, t.db, { role: 'admin' });
});
afterAll(() => t?.close());

const submit = (category: string, lon: number, lat: number, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST', url: '/api/reports', headers,
    payload: { category, description: 'Sampah menumpuk dan berbau di tepi jalan', lon, lat },
  }).then((r) => r.json());

// 0.0003° of longitude is about 33 m here; 0.0006° about 66 m.
describe('duplicates and support', () => {
  it('offers open reports of the same category within 50 m as possible duplicates', async () => {
    const first = await submit('sampah', 106.7000, -6.2500);
    const near = await submit('sampah', 106.7003, -6.2500);
    expect(near.possible_duplicates.map((d: { code: string }) => d.code)).toEqual([first.code]);
    expect(near.possible_duplicates[0].distance_m).toBeGreaterThan(30);
    expect(near.possible_duplicates[0].distance_m).toBeLessThan(36);
    const far = await submit('sampah', 106.7006, -6.2500);
    expect(far.possible_duplicates.map((d: { code: string }) => d.code)).toEqual([near.code]);
    const otherCategory = await submit('banjir', 106.7000, -6.2500);
    expect(otherCategory.possible_duplicates).toEqual([]);
  });

  it('does not offer old or closed reports', async () => {
    const old = await submit('pencemaran', 106.71, -6.26);
    await t.db.query(sql`UPDATE reports SET created_at = now() - interval '31 days' WHERE code = ${old.code}`);
    expect((await submit('pencemaran', 106.71, -6.26)).possible_duplicates).toEqual([]);
  });

  it('counts each supporter once', async () => {
    const r = await submit('trotoar', 106.72, -6.27);
    const support = (ua: string) =>
      t.app.inject({ method: 'POST', url: `/api/reports/${r.code}/support`, headers: { 'user-agent': ua } }).then((x) => x.json());
    expect(await support('browser A')).toEqual({ support_count: 1, counted: true });
    expect(await support('browser A')).toEqual({ support_count: 1, counted: false });
    expect(await support('browser B')).toEqual({ support_count: 2, counted: true });
    expect((await t.app.inject({ method: 'GET', url: `/api/reports/${r.code}` })).json().support_count).toBe(2);
  });

  it('merges a duplicate into its parent, which then carries it along', async () => {
    const parent = await submit('drainase', 106.73, -6.28);
    const child = await submit('drainase', 106.7301, -6.28);
    const merge = await t.app.inject({
      method: 'POST', url: `/api/reports/${child.code}/merge`, headers: admin.headers, payload: { into: parent.code },
    });
    expect(merge.statusCode, merge.body).toBe(200);
    const childPage = (await t.app.inject({ method: 'GET', url: `/api/reports/${child.code}` })).json();
    expect(childPage.status).toBe('duplicate');
    expect(childPage.duplicate_of).toEqual({ code: parent.code, status: 'published' });
    expect((await t.app.inject({ method: 'GET', url: `/api/reports/${parent.code}` })).json().support_count).toBe(1);

    await t.app.inject({
      method: 'POST', url: `/api/reports/${parent.code}/status`, headers: admin.headers,
      payload: { to: 'resolved', response: 'Saluran sudah dibersihkan.' },
    });
    const after = (await t.app.inject({ method: 'GET', url: `/api/reports/${child.code}` })).json();
    expect(after.duplicate_of.status).toBe('resolved');
    expect(after.timeline.at(-1)).toMatchObject({ kind: 'parent_status_changed', status: 'resolved', note: 'Saluran sudah dibersihkan.' });
  });

  it('refuses to merge a report into itself or into a closed report', async () => {
    const a = await submit('drainase', 106.74, -6.29);
    const self = await t.app.inject({ method: 'POST', url: `/api/reports/${a.code}/merge`, headers: admin.headers, payload: { into: a.code } });
    expect(self.json().error.code).toBe('MERGE_INTO_ITSELF');
    const b = await submit('drainase', 106.7401, -6.29);
    await t.db.query(sql`UPDATE reports SET status = 'closed' WHERE code = ${b.code}`);
    const closed = await t.app.inject({ method: 'POST', url: `/api/reports/${a.code}/merge`, headers: admin.headers, payload: { into: b.code } });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('REPORT_NOT_OPEN');
  });
});

describe('correcting category or location', () => {
  it('routes again and audits old and new values', async () => {
    const r = await submit('sampah', 106.632, -6.17);
    expect(r.department.code).toBe('tgr-dlh');
    const res = await t.app.inject({
      method: 'PATCH', url: `/api/reports/${r.code}`, headers: admin.headers,
      payload: { category: 'jalan_rusak', lat: -6.3, lon: 106.72, reason: 'Salah kategori dan lokasi' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const page = (await t.app.inject({ method: 'GET', url: `/api/reports/${r.code}` })).json();
    expect(page.department.code).toBe('tsl-pupr');
    expect(page.city.code).toBe('36.74');
    const kinds = (await t.db.query<{ kind: string }>(sql`
      SELECT e.kind FROM report_events e JOIN reports r ON r.id = e.report_id WHERE r.code = ${r.code} ORDER BY e.id`)).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['category_changed', 'location_changed', 'rerouted']));
  });
});
