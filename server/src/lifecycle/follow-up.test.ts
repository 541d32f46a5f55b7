import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { signIn, type SignedIn } from '../test/staff.ts';

let t: TestApp;
let officer: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  officer = await signIn(t.app, t.db, { role: 'admin' });
});
afterAll(() => t?.close());

const submit = (category: string, lon: number, lat: number) =>
  t.app.inject({
    method: 'POST', url: '/api/reports',
    payload: { category, description: 'Lampu jalan mati sejak seminggu', lon, lat },
  }).then((r) => r.json());

const nearby = (query: string) => t.app.inject({ method: 'GET', url: `/api/reports/nearby?${query}` });

// 0.0003° of longitude is about 33 m here; DUPLICATE_RADIUS_M is 50 by default.
describe('GET /api/reports/nearby', () => {
  it('lists open reports of the category within the radius, nearest first, with public fields only', async () => {
    const near = await submit('lampu_jalan', 106.6503, -6.18);
    const nearer = await submit('lampu_jalan', 106.6501, -6.18);
    await submit('lampu_jalan', 106.6510, -6.18); // about 110 m
    await submit('banjir', 106.6500, -6.18);
    const res = await nearby('lat=-6.18&lon=106.65&category=lampu_jalan');
    expect(res.statusCode).toBe(200);
    const { reports } = res.json();
    expect(reports.map((r: { code: string }) => r.code)).toEqual([nearer.code, near.code]);
    expect(reports[0].distance_m).toBeGreaterThan(9);
    expect(reports[0].distance_m).toBeLessThan(13);
    expect(Object.keys(reports[0]).sort()).toEqual(
      ['code', 'created_at', 'description', 'distance_m', 'lat', 'lon', 'status', 'support_count']);
    expect(reports[0]).toMatchObject({ lat: -6.18, lon: 106.6501, description: 'Lampu jalan mati sejak seminggu' });
  });

  it('leaves out reports held for moderation', async () => {
    const held = await submit('trotoar', 106.66, -6.19);
    await t.db.query(sql`UPDATE reports SET status = 'submitted' WHERE code = ${held.code}`);
    expect((await nearby('lat=-6.19&lon=106.66&category=trotoar')).json().reports).toEqual([]);
  });

  it.each([
    ['a latitude out of range', 'lat=-91&lon=106.65&category=banjir'],
    ['a text longitude', 'lat=-6.18&lon=east&category=banjir'],
    ['a missing category', 'lat=-6.18&lon=106.65'],
    ['a malformed category', 'lat=-6.18&lon=106.65&category=DROP%20TABLE'],
  ])('refuses %s with VALIDATION_FAILED', async (_, query) => {
    const res = await nearby(query);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('POST /api/reports/:code/confirm-fixed', () => {
  async function resolvedReport() {
    const sent = await submit('drainase', 106.67, -6.2);
    const resolved = await t.app.inject({
      method: 'POST', url: `/api/reports/${sent.code}/status`, headers: officer.headers,
      payload: { to: 'resolved', response: 'Saluran sudah dikeruk.' },
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    return { code: sent.code as string, token: sent.resident_token as string };
  }
  const confirm = (code: string, token: string) =>
    t.app.inject({ method: 'POST', url: `/api/reports/${code}/confirm-fixed`, payload: { resident_token: token } });

  it('closes a resolved report when its reporter confirms the fix', async () => {
    const { code, token } = await resolvedReport();
    const res = await confirm(code, token);
    expect(res.statusCode, res.body).toBe(200);
    const page = (await t.app.inject({ method: 'GET', url: `/api/reports/${code}` })).json();
    expect(page.status).toBe('closed');
    expect(page.timeline.at(-1)).toMatchObject({ kind: 'confirmed_fixed', status: 'closed' });
    // Closed means confirmed: it can no longer be reopened.
    const reopen = await t.app.inject({
      method: 'POST', url: `/api/reports/${code}/reopen`, payload: { resident_token: token, reason: 'Tergenang lagi' },
    });
    expect(reopen.statusCode).toBe(409);
  });

  it('refuses another token with INVALID_RESIDENT_TOKEN and changes nothing', async () => {
    const { code } = await resolvedReport();
    const res = await confirm(code, 'not-the-token-of-this-report');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('INVALID_RESIDENT_TOKEN');
    expect((await t.app.inject({ method: 'GET', url: `/api/reports/${code}` })).json().status).toBe('resolved');
  });

  it('refuses a report that is not resolved yet with INVALID_TRANSITION', async () => {
    const sent = await submit('drainase', 106.671, -6.2);
    const res = await confirm(sent.code, sent.resident_token);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'INVALID_TRANSITION', message_en: 'Only a resolved report can be confirmed as fixed.' });
  });

  it('answers an unknown report with REPORT_NOT_FOUND', async () => {
    const res = await confirm('TGR-2222ZZ', 'not-the-token-of-this-report');
    expect(res.statusCode).toBe(404);
  });
});
