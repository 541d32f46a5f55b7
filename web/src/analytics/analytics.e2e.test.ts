import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../server/src/db/database.ts';
import { insertReports } from '../../../server/src/analytics/test-fixtures.ts';
import { createTestApp, type TestApp } from '../../../server/src/test/app.ts';
import { launchChromium } from '../test/browser.ts';

// Uses the built web app in web/dist (npm test builds it first).

let t: TestApp;
let browser: Browser;
let page: Page;
let origin: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  // 400 reports spread over the cities and 120 piled within 150 m of one spot: a 99 % hot spot
  await insertReports(t.db, sql`
    SELECT (ST_Dump(ST_GeneratePoints((SELECT ST_Union(geom) FROM cities), 400, 3))).geom AS geom,
           'sampah' AS category, now() - interval '3 days' AS created_at
    UNION ALL
    SELECT ST_Transform((ST_Dump(ST_GeneratePoints(ST_Buffer(ST_Transform(ST_Point(106.63, -6.18, 4326), 32748), 150), 120, 5))).geom, 4326),
           'banjir', now() - interval '10 days'`);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (error) => pageErrors.push(error.message));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('planner analytics page', () => {
  it('shows the Gi* hot spot layer with its legend, and the numbers of a clicked hexagon', async () => {
    await page.goto(`${origin}/analytics`);
    await page.waitForSelector('body[data-map-ready="1"]', { timeout: 30_000 });
    await expect.poll(() => page.getByTestId('hotspot-legend').count()).toBe(0);

    await page.getByLabel('Titik panas (Gi*)').check();
    const legend = page.getByTestId('hotspot-legend');
    await legend.waitFor();
    const text = await legend.innerText();
    for (const entry of ['Titik panas, keyakinan 99%', 'Titik panas, keyakinan 95%', 'Titik panas, keyakinan 90%',
      'Tidak signifikan', 'Titik dingin, keyakinan 90%', 'Titik dingin, keyakinan 95%', 'Titik dingin, keyakinan 99%']) {
      expect(text).toContain(entry);
    }

    // click the planted spot: the hexagon on top answers with its count and 99 % bin
    await page.waitForSelector('.analytics-page:not([data-loading])', { timeout: 60_000 });
    const point = await page.evaluate(() => {
      const map = window.__petawargaMap!;
      const { x, y } = map.project([106.63, -6.18]);
      const box = map.getCanvas().getBoundingClientRect();
      return { x: box.left + x, y: box.top + y };
    });
    await expect.poll(async () => {
      await page.mouse.click(point.x, point.y);
      return page.getByTestId('feature-details').innerText().catch(() => '');
    }, { timeout: 20_000 }).toMatch(/Kelas\s+3/);

    // the trend layer loads for the same filter and explains its four labels
    await page.getByLabel('Tren titik panas 12 minggu').check();
    await expect.poll(() => page.getByTestId('emerging-legend').innerText()).toContain('Baru: panas hanya di minggu terakhir');
    await page.waitForSelector('.analytics-page:not([data-loading])', { timeout: 60_000 });
    expect(await page.getByRole('alert').count()).toBe(0);

    // density and DBSCAN hulls draw from their own data without errors (slowly here: software
    // WebGL compiles the heatmap's shaders in about 12 s, hence this test's longer time limit)
    await page.getByLabel('Kepadatan laporan').check();
    await page.getByLabel('Klaster DBSCAN').check();
    await page.waitForSelector('.analytics-page:not([data-loading])', { timeout: 60_000 });
    expect(await page.getByRole('alert').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.querySelector('#deckgl-overlay') !== null)).toBe(true);

    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect.poll(() => legend.innerText()).toContain('Hot spot, 99% confidence');
    expect(pageErrors).toEqual([]);
  }, 150_000);
});
