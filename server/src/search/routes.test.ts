import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSampleBasemap } from '../basemap/sample.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { describeNeeding, osmium } from '../test/requirements.ts';
import type { SearchHit } from './schemas.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

async function search(q: string, limit?: number): Promise<SearchHit[]> {
  const res = await t.app.inject({ method: 'GET', url: '/api/search', query: { q, ...(limit ? { limit: String(limit) } : {}) } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().results;
}

describe('searching the map by name', () => {
  it('finds a kelurahan with its kecamatan and city, and a box around it', async () => {
    const [hit] = await search('sukarasa');
    expect(hit).toMatchObject({ kind: 'kelurahan', name: 'Sukarasa', context: 'Tangerang, Kota Tangerang' });
    const [w, s, e, n] = hit.bbox;
    expect(w).toBeLessThan(hit.center[0]);
    expect(e).toBeGreaterThan(hit.center[0]);
    expect(s).toBeLessThan(hit.center[1]);
    expect(n).toBeGreaterThan(hit.center[1]);
  });

  it('finds a kecamatan, ignoring case, spaces and dots', async () => {
    const hits = await search('PONDOK.AREN');
    expect(hits[0]).toMatchObject({ kind: 'kecamatan', name: 'Pondok Aren', context: 'Kota Tangerang Selatan' });
    expect(hits.some((h) => h.kind === 'kelurahan' && h.name === 'Pondok Aren')).toBe(true);
  });

  it('puts an exact name before one that merely contains it, and keeps to the limit', async () => {
    const hits = await search('karawaci', 2);
    expect(hits).toHaveLength(2);
    expect(hits[0].name).toBe('Karawaci');
  });

  it('answers an empty list for a name that is nowhere, or text with no letter or digit', async () => {
    expect(await search('atlantis')).toEqual([]);
    expect(await search('. -')).toEqual([]);
  });

  it('refuses a query too short or too long, or a limit out of range, with 400', async () => {
    const refused: Record<string, string>[] = [{ q: 'a' }, { q: 'x'.repeat(81) }, { q: 'suka', limit: '0' }, { q: 'suka', limit: '21' }, {}, { q: 'jl\u0000merdeka' }];
    for (const query of refused) {
      const res = await t.app.inject({ method: 'GET', url: '/api/search', query });
      expect(res.statusCode, JSON.stringify(query)).toBe(400);
      expect(res.json().error.code).toBeTruthy();
    }
  });

  describeNeeding([[osmium, 'the sample extract is imported with osmium-tool']], 'with a base map', () => {
    beforeAll(() => t.db.transaction((tx) => importSampleBasemap(tx)));

    it('finds a street whether typed "jl", "Jl." or "Jalan", placed in its kelurahan', async () => {
      for (const q of ['jl merdeka', 'Jl. Merdeka', 'jalan merdeka', 'merdeka']) {
        const hits = await search(q);
        expect(hits.find((h) => h.kind === 'road'), q).toMatchObject({ name: 'Jalan Merdeka', subtype: 'major' });
      }
      const [road] = (await search('daan mogot')).filter((h) => h.kind === 'road');
      expect(road.context).toEqual(expect.any(String));
    });

    it('answers a word every street has with the limit\'s worth, shortest names first', async () => {
      const hits = await search('jalan', 3);
      expect(hits.map((h) => h.name)).toEqual(['Jalan Merdeka', 'Jalan Kisamaun', 'Jalan Daan Mogot']);
    });

    it('finds markets, schools, mosques and places', async () => {
      expect((await search('pasar anyar'))[0]).toMatchObject({ kind: 'poi', subtype: 'market', name: 'Pasar Anyar' });
      expect((await search('al-ikhlas'))[0]).toMatchObject({ kind: 'poi', subtype: 'mosque' });
      expect((await search('gg mawar'))[0]).toMatchObject({ kind: 'road', name: 'Gang Mawar' });
      const hits = await search('sukarasa');
      expect(hits[0]).toMatchObject({ kind: 'kelurahan', name: 'Sukarasa' });
      expect(hits.map((h) => h.name)).toEqual(expect.arrayContaining(['Kampung Sukarasa', 'SD Negeri Sukarasa 1', 'Saluran Sukarasa']));
    });
  });
});
