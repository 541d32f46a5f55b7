import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.ts';
import { parseReportFilter } from '../reports/filters.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { encodeExport } from './encode.ts';
import { exportFields } from './fields.ts';
import { exportRows, type ExportFormat } from './rows.ts';
import { exportSnapshotQueue } from './snapshot-job.ts';
import { jakartaDay } from './snapshots.ts';

let t: TestApp;
const codes: string[] = [];
const points = [
  ['banjir', 106.632, -6.17], ['sampah', 106.633, -6.171], ['banjir', 106.72, -6.3],
  ['jalan_rusak', 106.7, -6.28], ['bangunan_liar', 106.6345, -6.1733],
] as const;

beforeAll(async () => {
  t = await createTestApp();
  for (const [category, lon, lat] of points) {
    const res = await t.app.inject({
      method: 'POST', url: '/api/reports',
      payload: { category, description: 'Ada masalah di depan rumah warga mohon ditangani', lon, lat, reporter: { email: 'unduh@example.org' } },
    });
    expect(res.statusCode).toBe(201);
    codes.push(res.json().code);
  }
});
afterAll(() => t?.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('GET /api/exports/reports.{csv,geojson,ndjson}', () => {
  it('streams every public report as CSV with the dictionary\'s columns, the licence linked', async () => {
    const res = await get('/api/exports/reports.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers.link).toContain('creativecommons.org/licenses/by/4.0');
    // No field of these reports holds a comma or a quote, so a split reads them.
    const [header, ...lines] = res.body.trim().split('\n').map((line) => line.split(','));
    const rows = lines.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i]])));
    expect(Object.keys(rows[0])).toEqual(exportFields.map((f) => f.name));
    expect(rows.map((r) => r.code)).toEqual(codes);
    expect(rows[0]).toMatchObject({ category: 'banjir', lon: '106.632', lat: '-6.17', location_grid_m: '', is_synthetic: 'false' });
    expect(res.body).not.toContain('unduh@example.org');
  });

  it('gives the same reports, in the same order, in every format', async () => {
    const geojson = (await get('/api/exports/reports.geojson')).json();
    expect(geojson).toMatchObject({ type: 'FeatureCollection', licence: 'CC-BY-4.0' });
    expect(geojson.features.map((f: { id: string }) => f.id)).toEqual(codes);
    const ndjson = (await get('/api/exports/reports.ndjson')).body.trim().split('\n').map((line) => JSON.parse(line));
    expect(ndjson).toEqual(geojson.features);
    expect(ndjson[0]).toMatchObject({ type: 'Feature', id: codes[0], geometry: { type: 'Point', coordinates: [106.632, -6.17] } });
  });

  it('applies the list\'s filters', async () => {
    const banjir = (await get('/api/exports/reports.geojson?category=banjir')).json().features;
    expect(banjir.map((f: { id: string }) => f.id)).toEqual([codes[0], codes[2]]);
    const box = (await get('/api/exports/reports.ndjson?bbox=106.6,-6.2,106.65,-6.1')).body.trim().split('\n');
    expect(box).toHaveLength(3);
    const none = await get('/api/exports/reports.csv?since=2099-01-01T00:00:00Z');
    expect(none.body.trim()).toBe(exportFields.map((f) => f.name).join(','));
    expect((await get('/api/exports/reports.geojson?until=2000-01-01T00:00:00Z')).json().features).toEqual([]);
  });

  it.each([
    ['/api/exports/reports.csv?bbox=106.7,-6.2,106.6,-6.1', 400, 'INVALID_BBOX'],
    ['/api/exports/reports.csv?since=yesterday', 400, 'VALIDATION_FAILED'],
    ['/api/exports/reports.xlsx', 404, 'NOT_FOUND'],
  ])('refuses %s with %s %s', async (url, status, code) => {
    const res = await get(url);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
  });

  it('reads the same rows through a cursor and page by page, across batch boundaries', async () => {
    const collect = async (db: Database, format: ExportFormat) => {
      let text = '';
      for await (const chunk of encodeExport(format, exportRows(db, format, { filter: parseReportFilter({}) }, 2))) text += chunk;
      return text;
    };
    // The same database without its cursor: the embedded database's way.
    const withoutCursor = new Proxy(t.db, { get: (db, key) => (key === 'cursor' ? undefined : Reflect.get(db, key)) });
    for (const format of ['csv', 'geojson', 'ndjson'] as const) {
      expect(await collect(withoutCursor, format)).toBe(await collect(t.db, format));
    }
  });
});

describe('the data dictionary and the licence', () => {
  it('names every exported field with its meaning and licence, as JSON and as a page', async () => {
    const json = (await get('/api/exports/dictionary')).json();
    expect(json.licence.id).toBe('CC-BY-4.0');
    expect(json.fields.map((f: { name: string }) => f.name)).toEqual(exportFields.map((f) => f.name));
    for (const f of json.fields) expect(f.meaning_en && f.meaning_id && f.licence).toBeTruthy();
    const page = await get('/open-data');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    for (const f of exportFields) expect(page.body).toContain(`<code>${f.name}</code>`);
    expect(page.body).toContain('https://creativecommons.org/licenses/by/4.0/');
  });

  it('links the licence and the dictionary from the API docs', async () => {
    const doc = t.app.swagger() as { info: { description: string; license: { url: string } } };
    expect(doc.info.description).toContain('(/open-data)');
    expect(doc.info.license.url).toBe('https://creativecommons.org/licenses/by/4.0/');
  });
});

describe('daily snapshots', () => {
  it('writes each format with its SHA-256 and serves both', async () => {
    expect((await get('/api/exports/snapshots')).json().snapshots).toEqual([]);
    await exportSnapshotQueue(t.db, t.dataDir).handle({}, { jobId: 'test', number: 1 });
    const day = jakartaDay();
    const { snapshots } = (await get('/api/exports/snapshots')).json();
    expect(snapshots.map((s: { file: string }) => s.file)).toEqual(['csv', 'geojson', 'ndjson'].map((f) => `reports-${day}.${f}`));
    for (const s of snapshots) {
      const file = await get(s.url);
      expect(file.statusCode).toBe(200);
      expect(createHash('sha256').update(file.rawPayload).digest('hex')).toBe(s.sha256);
      expect(file.body).toBe((await get(`/api/exports/reports.${s.format}`)).body);
      expect((await get(s.sha256_url)).body).toBe(`${s.sha256}  ${s.file}\n`);
    }
  });

  it.each(['reports-1999-01-01.csv', '..%2F..%2Fetc%2Fpasswd', 'reports-2026-01-01.exe'])('answers %s with 404 SNAPSHOT_NOT_FOUND', async (file) => {
    const res = await get(`/api/exports/snapshots/${file}`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('SNAPSHOT_NOT_FOUND');
  });
});
