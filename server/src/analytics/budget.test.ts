import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { signIn, type SignedIn } from '../test/staff.ts';
import { insertReports } from './test-fixtures.ts';

let t: TestApp;
let planner: SignedIn;
beforeAll(async () => {
  t = await createTestApp({ analyticsComputeBudget: 2 });
  planner = await signIn(t.app, t.db, { role: 'planner' });
  await insertReports(t.db, sql`
    SELECT label_point AS geom, 'banjir' AS category, timestamptz '2026-01-05T09:00+07' AS created_at
    FROM kelurahan WHERE city_code = '36.71' ORDER BY code LIMIT 5`);
}, 60_000);
afterAll(() => t?.close());

const get = (url: string, remoteAddress: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, remoteAddress, headers });

describe('the analytics budget of an anonymous client', () => {
  it('computes 2 new parameter sets a minute for one address, refuses the 3rd with 429, and still serves what is cached', async () => {
    const address = '198.51.100.40';
    const first = await get('/api/hotspots/getis-ord?cell_m=1000', address);
    expect(first.statusCode, first.body).toBe(200);
    expect((await get('/api/analytics/kelurahan?since=2026-01-01', address)).statusCode).toBe(200);
    const computed = t.app.analyticsCache.computations;

    const refused = await get('/api/hotspots/getis-ord?cell_m=1000&fdr=true', address);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('TOO_MANY_REQUESTS');
    expect(refused.json().error.message_en).toMatch(/Try again in (\d+ seconds?|1 minute)\./);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    // Nothing was computed for the refusal.
    expect(t.app.analyticsCache.computations).toBe(computed);

    // The same parameters as before, in another spelling of the same set, and as tiles: cached.
    const again = await get('/api/hotspots/getis-ord?cell_m=1000&fdr=false', address);
    expect(again.statusCode).toBe(200);
    expect(again.json().parameters.computed_at).toBe(first.json().parameters.computed_at);
    expect((await get('/api/hotspots/getis-ord/tiles/10/815/531.mvt?cell_m=1000', address)).statusCode).not.toBe(429);
    expect(t.app.analyticsCache.computations).toBe(computed);
  });

  it('keeps each address to its own budget, and does not count signed-in staff', async () => {
    const address = '198.51.100.41';
    expect((await get('/api/analytics/weekly?since=2026-01-01', address)).statusCode).toBe(200);
    expect((await get('/api/analytics/weekly?since=2026-01-02', address)).statusCode).toBe(200);
    expect((await get('/api/analytics/weekly?since=2026-01-03', address)).statusCode).toBe(429);
    expect((await get('/api/analytics/weekly?since=2026-01-03', '198.51.100.42')).statusCode).toBe(200);
    for (const day of ['04', '05', '06']) {
      expect((await get(`/api/analytics/weekly?since=2026-01-${day}`, address, planner.headers)).statusCode).toBe(200);
    }
  });

  it('charges a new computation again once reports change the data', async () => {
    const address = '198.51.100.43';
    expect((await get('/api/analytics/kelurahan?city=36.74', address)).statusCode).toBe(200);
    expect((await get('/api/analytics/kelurahan?city=36.74', address)).statusCode).toBe(200);
    const newReport = () => insertReports(t.db, sql`
      SELECT label_point AS geom, 'sampah' AS category, now() AS created_at FROM kelurahan WHERE city_code = '36.74' LIMIT 1`);
    await newReport();
    expect((await get('/api/analytics/kelurahan?city=36.74', address)).statusCode).toBe(200);
    await newReport();
    expect((await get('/api/analytics/kelurahan?city=36.74', address)).statusCode).toBe(429);
  });
});
