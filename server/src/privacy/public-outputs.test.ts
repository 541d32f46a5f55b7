import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeTile } from '../../../tiles/src/decode.ts';
import { lonLatToMercator, tileBounds3857, tilesContaining, type TileCoord } from '../../../tiles/src/index.ts';
import { sql } from '../db/database.ts';
import { writeSnapshots } from '../exports/snapshots.ts';
import { applySensitiveGrid } from './grid.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { multipartBody } from '../test/multipart.ts';
import { signIn } from '../test/staff.ts';

// Secrets planted in reports, then looked for in every public output: every GET route of the
// OpenAPI document that answers without signing in (found by walking app.swagger(), so a new
// public route is searched without being named here), the photo files, the tiles at every
// report zoom and the daily snapshots. A sensitive category's exact point is a secret too.
const secrets = {
  name: 'Rahasia Pelapor Sejati',
  phone: '081299998888',
  email: 'rahasia.pelapor@example.org',
  device: '5f0c6a1e-7d3b-4f6a-9c2e-1b8d7e6f5a4c',
  // Where the sensitive report's problem is, as typed: it would give its exact point away.
  address: 'Jl. Rumah Pelapor No. 77',
  // The network address of every request here (no proxy is trusted in tests).
  network: '127.0.0.1',
};
// PKL & bangunan liar is sensitive (server/src/reference/categories.ts); Sukarasa, Kota Tangerang.
const exact = { lon: 106.6345123, lat: -6.1733456 };
// The exact point's digits to 1 m: no public text may hold them.
const exactDigits = ['106.634512', '6.173345'];

let t: TestApp;
let sensitiveCode: string;
let plainCode: string;
let photoFile: string;
let published: { lon: number; lat: number };

beforeAll(async () => {
  t = await createTestApp();
  const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#654' } }).jpeg().toBuffer();
  const submit = async (category: string, lon: number, lat: number, withPhoto: boolean) => {
    const form = multipartBody({
      category, description: 'Lapak menutup trotoar di depan toko setiap pagi', lon: String(lon), lat: String(lat),
      ...(category === 'bangunan_liar' ? { address: secrets.address } : { address: 'Jl. Pasar Lama' }), accuracy_m: '4.2',
      reporter_name: secrets.name, reporter_phone: secrets.phone, reporter_email: secrets.email,
    }, withPhoto ? [{ name: 'photos', filename: 'a.jpg', type: 'image/jpeg', data: photo }] : []);
    const res = await t.app.inject({
      method: 'POST', url: '/api/reports', payload: form.payload, headers: { ...form.headers, 'x-device-id': secrets.device },
    });
    expect(res.statusCode).toBe(201);
    return res.json();
  };
  const sensitive = await submit('bangunan_liar', exact.lon, exact.lat, true);
  sensitiveCode = sensitive.code;
  photoFile = sensitive.photos[0].url.split('/').pop();
  plainCode = (await submit('sampah', 106.7201, -6.3002, false)).code;
  await writeSnapshots(t.db, t.dataDir);
  published = (await t.app.inject({ method: 'GET', url: `/api/reports/${sensitiveCode}` })).json().location;
});
afterAll(() => t?.close());

interface Operation { parameters?: { name: string; in: string; required?: boolean; schema?: { enum?: string[] } }[] }

// The tiles holding the exact and the published point (often the same one).
const tilesAround = (z: number) => [...new Map([
  ...tilesContaining(exact.lon, exact.lat, z, z), ...tilesContaining(published.lon, published.lat, z, z),
].map((tile) => [`${tile.x}/${tile.y}`, tile])).values()];

/** Concrete URLs for one documented GET path: its parameters filled from the planted reports. */
function urlsFor(path: string, op: Operation): string[] {
  let bases = [path.replace('{code}', sensitiveCode).replace('{name}', 'sungai')
    // Open311 and OGC API name the same report by its tracking code.
    .replace('{service_request_id}', sensitiveCode).replace('{token}', sensitiveCode).replace('{featureId}', sensitiveCode)
    .replace('{service_code}', 'bangunan_liar')];
  if (path.includes('{format}')) bases = bases.flatMap((b) => ['json', 'xml'].map((f) => b.replace('{format}', f)));
  if (path.includes('{file}')) {
    bases = path.startsWith('/media/')
      ? [path.replace('{file}', photoFile), path.replace('{file}', photoFile.replace('.jpg', '.thumb.jpg'))]
      : ['csv', 'geojson', 'ndjson'].flatMap((f) => {
        const file = `reports-${new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10)}.${f}`;
        return [path.replace('{file}', file), path.replace('{file}', `${file}.sha256`)];
      });
  }
  if (path.includes('{z}')) {
    bases = [10, 14, 16, 17, 18].flatMap((z) => tilesAround(z))
      .map((tile) => path.replace('{z}', String(tile.z)).replace('{x}', String(tile.x)).replace('{y}', String(tile.y)));
  }
  const formats = op.parameters?.find((p) => p.in === 'query' && p.name === 'format')?.schema?.enum;
  if (formats) return bases.flatMap((b) => formats.map((f) => `${b}?format=${f}`));
  if (path === '/api/reports/{code}') return [bases[0], bases[0].replace(sensitiveCode, plainCode)];
  return bases;
}

describe('privacy in every public output', () => {
  it('shows no reporter\'s name, phone, e-mail, address or device, nor a sensitive report\'s exact point, anywhere public', async () => {
    const doc = t.app.swagger() as unknown as { paths: Record<string, { get?: Operation }> };
    const searched: string[] = [];
    const needSignIn: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!ops.get) continue;
      for (const url of urlsFor(path, ops.get)) {
        const res = await t.app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBeLessThan(500);
        if (res.statusCode === 401) {
          needSignIn.push(path);
          break;
        }
        searched.push(`${url} ${res.statusCode}`);
        const text = res.rawPayload.toString('latin1') + res.body;
        for (const [kind, secret] of Object.entries(secrets)) expect(text, `${kind} in ${url}`).not.toContain(secret);
        for (const digits of exactDigits) expect(text, `exact point in ${url}`).not.toContain(digits);
      }
    }
    // The walk reached the outputs that matter, answered, not refused.
    const answered = searched.filter((s) => s.endsWith(' 200')).map((s) => s.split(/[?\s]/)[0]);
    for (const must of [
      '/api/reports', `/api/reports/${sensitiveCode}`, `/api/reports/${plainCode}`, '/api/exports/reports.csv', '/api/exports/reports.geojson',
      '/api/exports/reports.ndjson', `/media/photos/${photoFile}`, '/api/hotspots/getis-ord', '/api/hotspots/dbscan',
      '/api/analytics/kelurahan', '/open-data',
      '/open311/v2/requests.json', '/open311/v2/requests.xml',
      `/open311/v2/requests/${sensitiveCode}.json`, `/open311/v2/requests/${sensitiveCode}.xml`,
      '/ogc/collections/reports/items', `/ogc/collections/reports/items/${sensitiveCode}`,
    ]) expect(answered, must).toContain(must);
    expect(answered.filter((u) => u.startsWith('/tiles/reports/')).length).toBeGreaterThanOrEqual(5);
    expect(answered.filter((u) => u.startsWith('/api/exports/snapshots/')).length).toBe(6);
    expect(needSignIn).toContain('/api/console/reports');
    expect(needSignIn).not.toContain('/api/reports');
  }, 300_000);

  it('publishes a sensitive report at the centre of its grid square, and staff see the exact point', async () => {
    expect(published.lon).not.toBeCloseTo(exact.lon, 5);
    // within half the square's diagonal (250 m · √2 / 2) of the truth
    const metres = Math.hypot((published.lon - exact.lon) * 110_700, (published.lat - exact.lat) * 110_570);
    expect(metres).toBeLessThan(177);
    const page = (await t.app.inject({ method: 'GET', url: `/api/reports/${sensitiveCode}` })).json();
    expect(page.location).toMatchObject({ is_approximate: true, grid_m: 250 });
    expect(page.address).toBeNull();
    expect(page.accuracy_m).toBeNull();
    const plain = (await t.app.inject({ method: 'GET', url: `/api/reports/${plainCode}` })).json();
    expect(plain.location).toMatchObject({ lon: 106.7201, lat: -6.3002, is_approximate: false });

    const admin = await signIn(t.app, t.db, { role: 'admin' });
    const desk = (await t.app.inject({ method: 'GET', url: `/api/console/reports/${sensitiveCode}`, headers: admin.headers })).json();
    expect(desk.location).toMatchObject({ lon: exact.lon, lat: exact.lat });
    expect(desk.address).toBe(secrets.address);
  });

  it('puts the snapped point, and the cluster it counts in, where the public point is, at every zoom', async () => {
    const position = (tile: TileCoord, lon: number, lat: number) => {
      const [mx, my] = lonLatToMercator(lon, lat);
      const b = tileBounds3857(tile);
      return { x: ((mx - b.minX) / b.size) * 4096, y: ((b.maxY - my) / b.size) * 4096 };
    };
    for (const z of [12, 14, 16, 17, 18]) {
      const [tile] = tilesContaining(published.lon, published.lat, z, z);
      const res = await t.app.inject({ method: 'GET', url: `/tiles/reports/${z}/${tile.x}/${tile.y}.mvt` });
      const features = decodeTile(res.rawPayload).reports ?? [];
      const want = position(tile, published.lon, published.lat);
      const near = features.filter((f) => Math.abs(f.geometry[0][0].x - want.x) <= 1 && Math.abs(f.geometry[0][0].y - want.y) <= 1);
      expect(near, `z${z}`).toHaveLength(1);
      if (z >= 17) expect(near[0].properties.code).toBe(sensitiveCode);
      else expect(near[0].properties.point_count).toBe(1);
      // Nothing at the exact point, in whichever tile holds it.
      const [exactTile] = tilesContaining(exact.lon, exact.lat, z, z);
      const there = decodeTile((await t.app.inject({ method: 'GET', url: `/tiles/reports/${z}/${exactTile.x}/${exactTile.y}.mvt` })).rawPayload).reports ?? [];
      const at = position(exactTile, exact.lon, exact.lat);
      expect(there.filter((f) => Math.abs(f.geometry[0][0].x - at.x) <= 1 && Math.abs(f.geometry[0][0].y - at.y) <= 1), `z${z}`).toEqual([]);
    }
  });

  it('moves every sensitive public point, its cells and tiles with it, when the grid size changes', async () => {
    const page = async () => (await t.app.inject({ method: 'GET', url: `/api/reports/${sensitiveCode}` })).json().location;
    await applySensitiveGrid(t.db, 1000);
    try {
      const coarse = await page();
      expect(coarse.grid_m).toBe(1000);
      expect(Math.hypot((coarse.lon - exact.lon) * 110_700, (coarse.lat - exact.lat) * 110_570)).toBeLessThan(708);
      expect(coarse.lon).not.toBeCloseTo(published.lon, 4);
      const [cells] = await t.db.query<{ n: number }>(sql`
        SELECT sum(report_count)::int AS n FROM report_cluster_cells
        WHERE zoom = 16 AND category_code = 'bangunan_liar'
          AND cell_x = mercator_cell(ST_X(ST_Transform(ST_SetSRID(ST_MakePoint(${coarse.lon}, ${coarse.lat}), 4326), 3857)), 16, false)
          AND cell_y = mercator_cell(ST_Y(ST_Transform(ST_SetSRID(ST_MakePoint(${coarse.lon}, ${coarse.lat}), 4326), 3857)), 16, true)`);
      expect(cells.n).toBe(1);
    } finally {
      await applySensitiveGrid(t.db, 250);
    }
    expect(await page()).toEqual(published);
  });
});
