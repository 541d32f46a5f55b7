import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { signIn, type SignedIn } from '../test/staff.ts';

// Deadlines as the rest of the app sets them: at publication (directly or after moderation),
// again at reopening, with each category's working days from the reference seed.
let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, t.db, { role: 'admin' });
});
afterAll(() => t?.close());

async function submit(category: string) {
  const res = await t.app.inject({
    method: 'POST', url: '/api/reports',
    payload: { category, description: 'Pohon besar tumbang menutup jalan kampung', lon: 106.632, lat: -6.17 },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { code: string; due_at: string | null; resident_token: string };
}

const deadline = async (code: string) => (await t.db.query<{
  due_at: Date | null; counted_from_submission: boolean; counted_from_now: boolean; due_working_days: number | null; expected: Date | null;
}>(sql`
  SELECT due_at, due_counted_from = created_at AS counted_from_submission,
         due_counted_from > now() - interval '1 minute' AS counted_from_now, due_working_days,
         add_working_days(due_counted_from, due_working_days) AS expected
  FROM reports WHERE code = ${code}`))[0];

const move = (code: string, to: string, extra: object = {}) =>
  t.app.inject({ method: 'POST', url: `/api/reports/${code}/status`, headers: admin.headers, payload: { to, ...extra } });

describe('deadlines of reports', () => {
  it('come from the working days each category promises (explained in migration 0022)', async () => {
    const rows = await t.db.query<{ code: string; days: number }>(sql`
      SELECT code, response_working_days AS days FROM categories ORDER BY code`);
    expect(Object.fromEntries(rows.map((r) => [r.code, r.days]))).toEqual({
      bangunan_liar: 15, banjir: 1, drainase: 3, fasum_rusak: 10, jalan_rusak: 10, lalu_lintas: 2, lampu_jalan: 5,
      parkir_liar: 3, pencemaran: 5, pohon_tumbang: 1, sampah: 3, trotoar: 10,
    });
  });

  it('are set when a report is published on submission, and shown as due_at', async () => {
    const report = await submit('pohon_tumbang');
    const d = await deadline(report.code);
    expect(d).toMatchObject({ counted_from_submission: true, due_working_days: 1 });
    expect(d.due_at).toEqual(d.expected);
    expect(report.due_at).toBe(d.due_at!.toISOString());
    expect((await t.app.inject({ method: 'GET', url: `/api/reports/${report.code}` })).json().due_at).toBe(report.due_at);
  });

  it('count from the submission when a moderator publishes a held report', async () => {
    const { code } = await submit('jalan_rusak');
    await t.db.query(sql`
      UPDATE reports SET status = 'submitted', due_at = NULL, due_counted_from = NULL, due_working_days = NULL
      WHERE code = ${code}`);
    expect((await move(code, 'published')).statusCode).toBe(200);
    const d = await deadline(code);
    expect(d).toMatchObject({ counted_from_submission: true, due_working_days: 10 });
    expect(d.due_at).toEqual(d.expected);
  });

  it('count again from the reopening when the reporter reopens a resolved report', async () => {
    const report = await submit('lampu_jalan');
    expect((await move(report.code, 'resolved', { response: 'Lampu sudah diganti.' })).statusCode).toBe(200);
    await t.db.query(sql`UPDATE reports SET created_at = created_at - interval '30 days' WHERE code = ${report.code}`);
    const reopened = await t.app.inject({
      method: 'POST', url: `/api/reports/${report.code}/reopen`,
      payload: { resident_token: report.resident_token, reason: 'Lampu mati lagi' },
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    const d = await deadline(report.code);
    expect(d).toMatchObject({ counted_from_submission: false, counted_from_now: true, due_working_days: 5 });
    expect(d.due_at).toEqual(d.expected);
  });
});
