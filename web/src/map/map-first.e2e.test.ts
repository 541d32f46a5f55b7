import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../server/src/test/app.ts';
import { serveForBrowser } from '../test/served-app.ts';

// The public map starts before React (src/main.ts, map/public-map.ts): in Chromium, the map
// draws and the static header works with React's code refused, once React is let in it adopts
// that same map instead of making a second one, and the static page's "Laporkan" tapped before
// the map has drawn opens the form. Needs the built web app.
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

/** True once the map has its style, its report source and every tile it wants, and has drawn the cities. */
const mapDrawn = () => {
  const map = window.__petawargaMap;
  return Boolean(map?.getSource('reports') && map.loaded() && map.areTilesLoaded()
    && map.queryRenderedFeatures({ layers: ['kecamatan-outline'] }).length > 0);
};

describe('the public map before React', () => {
  it('draws the map, and switches the header to English, with React\'s code refused', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    const refused: string[] = [];
    await page.route(/\/assets\/PublicApp-[^/]+\.js$/, (route) => {
      refused.push(route.request().url());
      return route.abort();
    });
    await page.goto(`${base}/`);
    await page.waitForFunction(mapDrawn, undefined, { timeout: 30_000 });
    // The map has drawn, so the entry has asked for React, and been refused. The report button
    // is the static page's.
    await expect.poll(() => refused.length).toBeGreaterThan(0);
    expect(await page.locator('.report-button').count()).toBe(1);
    await page.getByRole('button', { name: 'Laporkan' }).waitFor();

    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect.poll(() => page.locator('.brand-tagline').textContent()).toBe('Residents\' reports for Kota Tangerang & Tangerang Selatan');
    expect(await page.locator('.report-button').textContent()).toBe('Report');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('button', { name: 'EN', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await page.close();
  }, 60_000);

  it('hands the map it started to React, which adds the controls around it', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${base}/`);
    await page.waitForFunction(mapDrawn, undefined, { timeout: 30_000 });
    // Marks the map made before React, to find it again once React has taken the page.
    await page.evaluate(() => Object.assign(window.__petawargaMap!, { madeBeforeReact: true }));
    await page.waitForSelector('body[data-map-ready="1"]', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Laporkan' }).waitFor();
    const adopted = await page.evaluate(() => ({
      same: (window.__petawargaMap as unknown as { madeBeforeReact?: boolean }).madeBeforeReact === true,
      canvases: document.querySelectorAll('canvas.maplibregl-canvas').length,
      inPage: Boolean(window.__petawargaMap!.getContainer().closest('.public-map .map-slot')),
    }));
    expect(adopted).toEqual({ same: true, canvases: 1, inPage: true });
    await page.close();
  }, 60_000);

  it('opens the report form from "Laporkan" tapped before the map has drawn, loading React at once', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    // Tiles held: the map cannot draw, so nothing but the tap asks for React before the entry's
    // 8 s fallback.
    await page.route('**/tiles/**', () => new Promise<void>(() => undefined));
    const reactAskedAt: number[] = [];
    page.on('request', (request) => {
      if (/\/assets\/PublicApp-[^/]+\.js$/.test(request.url())) reactAskedAt.push(Date.now());
    });
    await page.goto(`${base}/`);
    const report = page.getByRole('button', { name: 'Laporkan' });
    await report.waitFor();
    expect(reactAskedAt).toEqual([]);

    // Held as a handle: React may replace the static page before the checks below read it.
    const tapped = (await report.elementHandle())!;
    const tappedAt = Date.now();
    await report.click();
    expect(await tapped.evaluate((button) => [button.getAttribute('aria-busy'), button.textContent])).toEqual(['true', 'Memuat…']);
    await page.getByRole('heading', { name: 'Laporkan masalah' }).waitFor({ timeout: 15_000 });
    expect(reactAskedAt).toHaveLength(1);
    // Well before the fallback: the tap, not the 8 s, asked for React.
    expect(reactAskedAt[0] - tappedAt).toBeLessThan(3_000);
    expect(await page.evaluate(() => window.__petawargaMap?.loaded() ?? false)).toBe(false);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.close();
  }, 60_000);
});
