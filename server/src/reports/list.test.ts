import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestApp, type TestApp } from '../test/app.ts';

let t: TestApp;
const codes: string[] = [];
beforeAll(async () => {
  t = await createTestApp();
  const points = [
    ['banjir', 106.632, -6.17], ['sampah', 106.633, -6.171], ['banjir', 106.72, -6.3],
    ['jalan_rusak', 106.7, -6.28], ['banjir', 106.634, -6.172],
  ] as const;
  for (const [category, lon, lat] of points) {
    const res = await t.app.inject({
      method: 'POST', url: '/api/reports',
      payload: { category, description: 'Jalan rusak dan berlubang di depan rumah warga', lon, lat, reporter: { email: 'warga@example.org' } },
    });
    codes.push(res.json().code);
  }
});
afterAll(() => t?.close());

const list = (query: string) => t.app.inject({ method: 'GET', url: `/api/reports${query}` });

describe('GET /api/reports', () => {
  it('returns public reports as a GeoJSON FeatureCollection, newest first, without personal data', async () => {
    const res = await list('');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/geo+json');
    const body = res.json();
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.map((f: { id: string }) => f.id)).toEqual([...codes].reverse());
    expect(body.features[0].geometry).toEqual({ type: 'Point', coordinates: [106.634, -6.172] });
    expect(res.body).not.toContain('warga@example.org');
  });

  it('filters by category, kelurahan, bbox and time', async () => {
    expect((await list('?category=banjir')).json().features).toHaveLength(3);
    expect((await list('?kelurahan=36.71.01.1001')).json().features.length).toBeGreaterThanOrEqual(2);
    const box = (await list('?bbox=106.6,-6.2,106.65,-6.1')).json().features;
    expect(box.map((f: { id: string }) => f.id).sort()).toEqual([codes[0], codes[1], codes[4]].sort());
    expect((await list('?since=2099-01-01T00:00:00Z')).json().features).toHaveLength(0);
  });

  it('pages with a cursor and never repeats or skips a report', async () => {
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 10; page++) {
      const body = (await list(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      seen.push(...body.features.map((f: { id: string }) => f.id));
      if (!body.next_cursor) break;
      cursor = body.next_cursor;
    }
    expect(seen).toEqual([...codes].reverse());
  });

  it('answers format=geojson as without it', async () => {
    expect((await list('?format=geojson')).json()).toEqual((await list('')).json());
  });

  it('leaves out reports that are not public', async () => {
    await t.db.query(sql`UPDATE reports SET status = 'submitted' WHERE code = ${codes[3]}`);
    const ids = (await list('')).json().features.map((f: { id: string }) => f.id);
    expect(ids).not.toContain(codes[3]);
  });

  it.each([
    ['?limit=5000', 'VALIDATION_FAILED'],
    ['?bbox=1,2,3', 'VALIDATION_FAILED'],
    ['?bbox=106.7,-6.2,106.6,-6.1', 'INVALID_BBOX'],
    ['?since=yesterday', 'VALIDATION_FAILED'],
    ['?cursor=bm90LWEtY3Vyc29y', 'INVALID_CURSOR'],
    // Cursors that decode, but to what no page wrote: wrong types, a 30 February, an id past 2^53.
    ...[[{}, 'x'], ['1', 1], ['2026-02-30T00:00:00.000000Z', 1], ['2026-01-01T00:00:00.000000Z', 1e300],
      ['2026-01-01T00:00:00.000000Z', -1], ['2026-01-01T00:00:00.000000Z']]
      .map((c) => [`?cursor=${Buffer.from(JSON.stringify(c)).toString('base64url')}`, 'INVALID_CURSOR']),
    ['?format=csv', 'UNSUPPORTED_FORMAT'],
    ['?format=GeoJSON', 'UNSUPPORTED_FORMAT'],
  ])('refuses %s with %s', async (query, code) => {
    const res = await list(query);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe(code);
  });
});
