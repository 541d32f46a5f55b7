import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { describeNeeding, postgres } from '../test/requirements.ts';
import { signIn, type SignedIn } from '../test/staff.ts';

let t: TestApp;
let admin: SignedIn;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signIn(t.app, t.db, { role: 'admin' });
});
afterAll(() => t?.close());

const report = { category: 'banjir', description: 'Air setinggi lutut di depan masjid', lat: -6.17, lon: 106.632 };
const get = (url: string) => t.app.inject({ method: 'GET', url, headers: admin.headers });
const send = (method: 'POST' | 'PATCH', url: string, payload: string) =>
  t.app.inject({ method, url, payload, headers: { ...admin.headers, 'content-type': 'application/json' } });
const refusal = (res: { statusCode: number; json(): { error: { code: string; details?: unknown } } }) =>
  ({ status: res.statusCode, code: res.json().error.code });
const reports = async () => (await t.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM reports`))[0].n;

describeNeeding([[postgres, 'the routes answer from the real database']], 'request validation', () => {
  it('refuses JSON values of the wrong type instead of coercing them', async () => {
    const before = await reports();
    const numeric = await send('POST', '/api/reports', JSON.stringify({ ...report, description: 12345678901 }));
    expect(refusal(numeric)).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    const falseName = await send('POST', '/api/reports', JSON.stringify({ ...report, reporter: { name: false } }));
    expect(refusal(falseName)).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    const textLat = await send('POST', '/api/reports', JSON.stringify({ ...report, lat: '-6.17' }));
    expect(refusal(textLat)).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(await reports()).toBe(before);
  });

  it('still reads numbers and booleans from a query string', async () => {
    expect((await get('/api/holidays?year=2026')).statusCode).toBe(200);
    expect((await get('/api/console/reports?limit=5&overdue=true')).statusCode).toBe(200);
  });

  it('refuses Infinity however it is spelled, before it reaches SQL', async () => {
    for (const url of [
      '/api/holidays?year=Infinity', '/api/holidays?year=1e400', '/api/hotspots/emerging?weeks=Infinity',
      '/api/hotspots/getis-ord?distance_m=Infinity', '/api/hotspots/dbscan?min_points=-Infinity',
      '/api/moderation/queue?limit=Infinity', '/api/console/reports?offset=1e999', '/api/reports?limit=Infinity',
    ]) {
      expect({ url, ...refusal(await get(url)) }).toEqual({ url, status: 400, code: 'VALIDATION_FAILED' });
    }
    const rule = await send('POST', '/api/routing/rules',
      '{"name":"Uji","priority":1e999,"condition":{"kind":"in_kecamatan","codes":["36.71.01"]},"department":"tgr-dishub"}');
    expect(refusal(rule)).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('refuses ids beyond any row before they reach a bigint column', async () => {
    expect(refusal(await get('/api/routing/rules/events?rule_id=99999999999999999999'))).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(refusal(await send('PATCH', '/api/routing/rules/99999999999999999999', '{"priority":5}'))).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('refuses a NUL character in a body, a query and a path with NUL_CHARACTER, naming the field', async () => {
    const before = await reports();
    const body = await send('POST', '/api/reports', JSON.stringify({ ...report, description: 'Air setinggi\u0000 lutut' }));
    expect(refusal(body)).toEqual({ status: 400, code: 'NUL_CHARACTER' });
    expect(body.json().error.message_en).toContain('body.description');
    const nested = await send('POST', '/api/reports', JSON.stringify({ ...report, reporter: { name: 'Siti\u0000' } }));
    expect(nested.json().error.message_en).toContain('body.reporter.name');
    expect(refusal(await get('/api/console/reports?category=banjir%00'))).toEqual({ status: 400, code: 'NUL_CHARACTER' });
    expect(refusal(await get('/api/console/reports/TGR-ABCDEF%00'))).toEqual({ status: 400, code: 'NUL_CHARACTER' });
    expect(await reports()).toBe(before);
  });

  it('refuses days a month does not have and years PostgreSQL cannot hold', async () => {
    for (const url of [
      '/api/console/reports?created_from=2026-02-30', '/api/console/reports?created_to=0000-01-01',
      '/api/deadlines/on-time?group=department&since=0000-01-01', '/api/reports?since=0000-01-01T00:00:00Z',
      '/api/analytics/weekly?since=0001-01-01',
    ]) {
      expect({ url, ...refusal(await get(url)) }).toEqual({ url, status: 400, code: 'VALIDATION_FAILED' });
    }
    // RFC 3339 allows a leap second; JavaScript's Date does not.
    expect(refusal(await get('/tiles/reports/0/0/0.mvt?since=2026-06-30T23:59:60Z'))).toEqual({ status: 400, code: 'INVALID_DATE' });
  });

  it('refuses a photo name that is not a UUID', async () => {
    expect(refusal(await get('/media/photos/------------------------------------.jpg'))).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(refusal(await get('/api/console/photos/zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz.jpg'))).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  });

  it('stores a GPS accuracy too fine for a real column, to the centimetre', async () => {
    const res = await send('POST', '/api/reports', JSON.stringify({ ...report, accuracy_m: 5.8e-89 }));
    expect(res.statusCode).toBe(201);
    expect(res.json().accuracy_m).toBe(0);
  });
});
