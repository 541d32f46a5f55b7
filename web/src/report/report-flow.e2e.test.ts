import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { sql } from '../../../server/src/db/database.ts';
import type { TestApp } from '../../../server/src/test/app.ts';
import { eventually } from '../../../server/src/test/eventually.ts';
import { serveForBrowser } from '../test/served-app.ts';

// The core loop in a real browser against the real server and database: a resident drops a
// pin, submits, gets a tracking code; the report is routed to the kelurahan under the pin, is
// on the clustered map at once, and has its own page. Needs the built web app (npm test builds it).

let t: TestApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  ({ t, base, browser } = await serveForBrowser());
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const mapReady = (page: Page) => page.waitForFunction(() => document.body.dataset.mapReady === '1', null, { timeout: 30_000 });

/**
 * Reports drawn on the map near a point at zoom 17, read from the rendered vector tiles, once
 * `code` is among them: a loaded tile is drawn a frame or more later, so the drawing is polled.
 */
async function codesOnMap(page: Page, lon: number, lat: number, code: string): Promise<string[]> {
  await page.evaluate(([lo, la]) => window.__petawargaMap!.jumpTo({ center: [lo, la], zoom: 17.5 }), [lon, lat]);
  return eventually(async () => {
    const codes = await page.evaluate(() =>
      window.__petawargaMap!.queryRenderedFeatures()
        .filter((f) => f.sourceLayer === 'reports' && f.properties.cluster === false)
        .map((f) => String(f.properties.code)));
    return codes.includes(code) && codes;
  }, { what: `${code} to be drawn on the map`, timeoutMs: 20_000 });
}

describe('reporting a problem in the browser', () => {
  it('drops a pin, submits, and sees the report on the map and on its page', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/`);
    await mapReady(page);

    // Kelurahan Sukarasa, Kecamatan Tangerang, where the pin will go.
    const pin = { lon: 106.632, lat: -6.17 };
    await page.evaluate(([lo, la]) => window.__petawargaMap!.jumpTo({ center: [lo, la], zoom: 15 }), [pin.lon, pin.lat]);
    await page.getByRole('button', { name: 'Laporkan' }).click();
    // The form's code loads when the map has drawn; the resident taps the map once the form says so.
    await page.getByRole('heading', { name: 'Laporkan masalah' }).waitFor();
    const point = await page.evaluate(([lo, la]) => {
      const map = window.__petawargaMap!;
      const p = map.project([lo, la]);
      const r = map.getCanvas().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    }, [pin.lon, pin.lat]);
    await page.mouse.click(point.x, point.y);

    await page.getByLabel('Kategori').selectOption('jalan_rusak');
    await page.getByLabel('Uraian masalah').fill('Jalan berlubang besar di depan sekolah, berbahaya bagi motor');
    await page.getByRole('button', { name: 'Kirim laporan' }).click();

    const code = (await page.locator('.tracking-code strong').textContent({ timeout: 15_000 }))!.trim();
    expect(code).toMatch(/^TGR-[2-9A-Z]{6}$/);

    const [stored] = await t.db.query<{ kelurahan_code: string; department_code: string; lon: number; lat: number }>(sql`
      SELECT kelurahan_code, department_code, ST_X(location) AS lon, ST_Y(location) AS lat FROM reports WHERE code = ${code}`);
    expect(stored.kelurahan_code).toBe('36.71.01.1001');
    expect(stored.department_code).toBe('tgr-pupr');
    // The click landed within a few metres of the intended point (one screen pixel at zoom 15 ≈ 4.8 m).
    expect(Math.abs(stored.lon - pin.lon)).toBeLessThan(0.0001);
    expect(Math.abs(stored.lat - pin.lat)).toBeLessThan(0.0001);

    expect(await codesOnMap(page, stored.lon, stored.lat, code)).toContain(code);

    // The browser sent its stored device id: the report's burst count is the device's own.
    const device = await page.evaluate(() => localStorage.getItem('petawarga:device-id'));
    expect(device).toMatch(/^[0-9a-f-]{36}$/);
    const [{ source_hash }] = await t.db.query<{ source_hash: string }>(sql`SELECT source_hash FROM reports WHERE code = ${code}`);
    expect(source_hash).toBe(createHash('sha256').update(`source:device:${device}`).digest('hex'));

    await page.goto(`${base}/r/${code}`);
    const details = page.locator('.report-details');
    await details.waitFor({ timeout: 15_000 });
    const text = await details.innerText();
    expect(text).toContain(code);
    expect(text).toContain('Sukarasa');
    expect(text).toContain('Tangerang');
    expect(text).toContain('Dinas Pekerjaan Umum dan Penataan Ruang Kota Tangerang');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows clusters with counts at low zoom', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${base}/`);
    await mapReady(page);
    await page.evaluate(() => window.__petawargaMap!.jumpTo({ center: [106.632, -6.17], zoom: 11 }));
    // Polled: a loaded tile is drawn a frame or more later.
    const clusters = await eventually(async () => {
      const counts = await page.evaluate(() =>
        window.__petawargaMap!.queryRenderedFeatures()
          .filter((f) => f.sourceLayer === 'reports' && f.properties.cluster === true)
          .map((f) => Number(f.properties.point_count)));
      return counts.length > 0 && counts;
    }, { what: 'clusters to be drawn', timeoutMs: 20_000 });
    expect(clusters.length).toBeGreaterThan(0);
    expect(clusters.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  it('switches the interface to English', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('button', { name: 'Report', exact: true }).waitFor({ timeout: 5_000 });
    await page.close();
  });
});
