import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { insertConstructedReport, twoKelurahan } from './test-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

/** A 400 in the app's error shape, with the code expected. */
function expectBadRequest(res: Awaited<ReturnType<typeof get>>, code: string) {
  expect(res.statusCode).toBe(400);
  const { error } = res.json();
  expect(error).toMatchObject({ code, message: expect.any(String), message_id: expect.any(String), message_en: expect.any(String) });
  return error;
}

describe('GET /api/holidays', () => {
  it("lists a year's national holidays and cuti bersama in date order", async () => {
    const res = await get('/api/holidays?year=2026');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.year).toBe(2026);
    expect(body.holidays).toHaveLength(25);
    expect(body.holidays[0]).toEqual({
      date: '2026-01-01', name_id: 'Tahun Baru 2026 Masehi', name_en: "New Year's Day 2026", kind: 'national', source: 'SKB 3 Menteri 2026',
    });
    expect(body.holidays.find((h: { date: string }) => h.date === '2026-12-24').kind).toBe('cuti_bersama');
    expect((await get('/api/holidays?year=2027')).json().holidays.every((h: { source: string }) => h.source === 'provisional')).toBe(true);
    expect((await get('/api/holidays?year=2030')).json().holidays).toEqual([]);
  });

  it('refuses a missing, malformed or out-of-range year with VALIDATION_FAILED', async () => {
    for (const query of ['', '?year=abc', '?year=1999', '?year=2026.5', '?year=2026&month=1']) {
      expectBadRequest(await get(`/api/holidays${query}`), 'VALIDATION_FAILED');
    }
  });
});

describe('GET /api/deadlines/on-time', () => {
  it('answers aggregates per department without personal data', async () => {
    const { tangerang } = await twoKelurahan(t.db);
    const id = await insertConstructedReport(t.db, {
      code: 'TGR-RTE001', kelurahanCode: tangerang, status: 'resolved', createdAt: '2026-10-05T03:00:00Z',
      dueAt: '2026-10-08T16:59:59.999Z', resolvedAt: '2026-10-07T03:00:00Z',
    });
    await t.db.query(sql`INSERT INTO reporters (report_id, name, email) VALUES (${id}, 'Siti Warga', 'siti@example.org')`);

    const res = await get('/api/deadlines/on-time?group=department&since=2026-10-01&until=2026-10-31');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ group: 'department', since: '2026-10-01', until: '2026-10-31', as_of: expect.any(String) });
    expect(body.rows.find((r: { code: string }) => r.code === 'tgr-dlh')).toEqual({
      code: 'tgr-dlh', name: 'Dinas Lingkungan Hidup Kota Tangerang', city_code: '36.71', reports_with_deadline: 1,
      resolved_on_time: 1, resolved_late: 0, open_overdue: 0, open_not_yet_due: 0,
      referred: 0, cannot_fix: 0, no_action_needed: 0, on_time_rate: 1,
    });
    expect(res.body).not.toMatch(/Siti|siti@example|TGR-RTE001/);

    const perKelurahan = (await get('/api/deadlines/on-time?group=kelurahan&since=2026-10-01&until=2026-10-31')).json();
    expect(perKelurahan.rows.find((r: { code: string }) => r.code === tangerang).resolved_on_time).toBe(1);
  });

  it('covers the 90 days up to today by default', async () => {
    const body = (await get('/api/deadlines/on-time?group=kelurahan')).json();
    const days = (Date.parse(body.until) - Date.parse(body.since)) / 86_400_000;
    expect(days).toBe(89);
  });

  it('refuses a missing or unknown group, impossible dates and unknown parameters with VALIDATION_FAILED', async () => {
    const bad = [
      '', '?group=city', '?group=department&since=2026-02-30', '?group=department&until=2026-13-01',
      '?group=department&since=1%20Oct%202026', '?group=department&kecamatan=36.71.01',
    ];
    for (const query of bad) expectBadRequest(await get(`/api/deadlines/on-time${query}`), 'VALIDATION_FAILED');
  });

  it('refuses a period that ends before it starts with INVALID_PERIOD', async () => {
    const error = expectBadRequest(await get('/api/deadlines/on-time?group=department&since=2026-10-31&until=2026-10-01'), 'INVALID_PERIOD');
    expect(error.details).toEqual([{ field: 'querystring.since', problem: '2026-10-31 is after 2026-10-01' }]);
  });
});
