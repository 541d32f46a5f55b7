import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { describeNeeding, gdal } from '../test/requirements.ts';

// GDAL's OGC API - Features driver (OAPIF) as a client of a listening server: it reads the
// landing page, conformance, the API definition and the collections, and follows the next
// links of reports page by page. What it reads must be every public report, no more.

const run = promisify(execFile);

describeNeeding([
  [gdal, 'the client under test is GDAL\'s own OAPIF driver'],
], 'GDAL reads /ogc', () => {
  let t: TestApp;
  let base: string;
  let dir: string;
  const reports = 23;

  beforeAll(async () => {
    t = await createTestApp();
    for (let i = 0; i < reports; i++) {
      const res = await t.app.inject({
        method: 'POST', url: '/api/reports',
        payload: { category: 'banjir', description: `Genangan air setinggi lutut di jalan, nomor ${i}`, lon: 106.62 + i * 0.002, lat: -6.18 },
      });
      expect(res.statusCode).toBe(201);
    }
    // Two not public: GDAL must not see them.
    await t.db.query(sql`UPDATE reports SET status = 'submitted' WHERE id IN (SELECT id FROM reports ORDER BY id LIMIT 1)`);
    await t.db.query(sql`UPDATE reports SET status = 'rejected' WHERE id IN (SELECT id FROM reports ORDER BY id DESC LIMIT 1)`);
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'petawarga-gdal-'));
  });
  afterAll(async () => {
    await t?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  // GDAL_HTTP_*: no proxy from the environment; the page size forces several pages.
  const env = { ...process.env, GDAL_HTTP_PROXY: '', HTTP_PROXY: '', HTTPS_PROXY: '', NO_PROXY: '*', http_proxy: '', https_proxy: '' };
  const pageSize = ['-oo', 'PAGE_SIZE=5'];

  it('lists every collection', async () => {
    const { stdout } = await run('ogrinfo', ['-ro', '-q', `OAPIF:${base}/ogc`], { env });
    for (const id of ['reports', 'kelurahan', 'kecamatan', 'hotspots-getis-ord', 'hotspots-dbscan', 'hotspots-emerging']) {
      expect(stdout).toMatch(new RegExp(`: ${id} \\(`));
    }
  });

  it('reads every public report of reports through the next links', async () => {
    const { stdout, stderr } = await run('ogrinfo', ['-ro', '-al', ...pageSize, `OAPIF:${base}/ogc`, 'reports'],
      { env: { ...env, CPL_DEBUG: 'ON' }, maxBuffer: 64 * 1024 * 1024 });
    // GDAL's debug lines name each URL it fetched: 21 reports in pages of five, four of them
    // reached by a next link (the cursor is only ever written by the server).
    const followed = [...stderr.matchAll(/Fetch\(\S*\/ogc\/collections\/reports\/items\?\S*cursor=[^)&\s]+/g)];
    expect(followed).toHaveLength(4);
    const codes = [...stdout.matchAll(/^\s+code \(String\) = (\S+)$/gm)].map((m) => m[1]);
    const expected = await t.db.query<{ code: string }>(sql`SELECT code FROM reports WHERE status NOT IN ('submitted', 'rejected') ORDER BY created_at DESC, id DESC`);
    expect(expected).toHaveLength(reports - 2);
    expect(codes).toEqual(expected.map((r) => r.code));
  });

  it('sends an attribute filter on category to the server, as the API definition offers it', async () => {
    await t.db.query(sql`UPDATE reports SET category_code = 'sampah', updated_at = now() WHERE id IN (SELECT id FROM reports ORDER BY id LIMIT 5 OFFSET 1)`);
    const { stdout, stderr } = await run('ogrinfo', ['-ro', '-al', '-so', '-where', "category = 'sampah'", `OAPIF:${base}/ogc`, 'reports'],
      { env: { ...env, CPL_DEBUG: 'ON' } });
    // GDAL reads /ogc/api to learn which query parameters the items of reports take.
    expect(stderr).toMatch(/Fetch\(\S*\/ogc\/collections\/reports\/items\?\S*category=sampah/);
    expect(stdout).toMatch(/Feature Count: 5\b/);
  });

  it('copies reports into a GeoPackage with as many features as the public count', async () => {
    const gpkg = path.join(dir, 'reports.gpkg');
    await run('ogr2ogr', ['-f', 'GPKG', gpkg, ...pageSize, `OAPIF:${base}/ogc`, 'reports'], { env });
    const { stdout } = await run('ogrinfo', ['-ro', '-so', gpkg, 'reports'], { env });
    const copied = Number(/Feature Count: (\d+)/.exec(stdout)?.[1]);
    const publicCount = (await t.app.inject({ method: 'GET', url: '/ogc/collections/reports/items?limit=1' })).json().numberMatched;
    expect(publicCount).toBe(reports - 2);
    expect(copied).toBe(publicCount);
    expect(stdout).toMatch(/Geometry: Point/);
  });
});
