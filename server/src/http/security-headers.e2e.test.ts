import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page, Response } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../web/src/test/browser.ts';
import { createStaff } from '../staff/create.ts';
import { createTestApp, type TestApp } from '../test/app.ts';

// Every page of the built web app (npm test builds it) in Chromium under the real headers: the
// Content-Security-Policy must refuse nothing the pages need, the map's workers, deck.gl and
// Swagger UI included. A refusal shows up as a securitypolicyviolation event in the page, a
// console message, or a request failed with ERR_BLOCKED_BY_CSP (also from workers).

let t: TestApp;
let browser: Browser;
let base: string;
let reportCode: string;
const password = 'kata-sandi-uji-123';

beforeAll(async () => {
  t = await createTestApp();
  if (!fs.existsSync(path.join(t.app.config.webDistDir, 'console.html'))) {
    throw new Error('web/dist is not built: npx tsx scripts/build-web.ts');
  }
  await createStaff(t.db, { email: 'moderator@csp.test', name: 'Moderator', role: 'moderator', password });
  const report = await t.app.inject({
    method: 'POST', url: '/api/reports',
    payload: { category: 'jalan_rusak', description: 'Jalan berlubang di depan pasar, sudah dua minggu', lon: 106.63172, lat: -6.17188 },
  });
  reportCode = report.json().code;
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

interface Watched {
  page: Page;
  /** Everything the browser said the policy refused, in this page and its workers. */
  refusals: string[];
}

async function watchedPage(): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const refusals: string[] = [];
  await page.exposeFunction('__reportCspViolation', (text: string) => refusals.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
      void report(`${event.violatedDirective} refused ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  page.on('console', (message) => {
    if (/Content[ -]Security[ -]Policy/i.test(message.text())) refusals.push(`console: ${message.text()}`);
  });
  page.on('requestfailed', (request) => {
    if (request.failure()?.errorText.includes('BLOCKED_BY_CSP')) refusals.push(`blocked request ${request.url()}`);
  });
  return { page, refusals };
}

function expectSecurityHeaders(response: Response | null) {
  const headers = response!.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toContain("script-src 'self'");
  expect(headers['content-security-policy']).toContain('worker-src');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
}

const mapReady = (page: Page) => page.waitForFunction(() => document.body.dataset.mapReady === '1', null, { timeout: 30_000 });

describe('the pages under the Content-Security-Policy in Chromium', () => {
  it('the public map, with the OpenStreetMap layer on, is refused nothing', async () => {
    const { page, refusals } = await watchedPage();
    // No internet here: the tile server is played by the test, so the tile really is drawn.
    const tile = await sharp({ create: { width: 256, height: 256, channels: 3, background: '#a3c9a8' } }).png().toBuffer();
    let tilesServed = 0;
    await page.route('https://tile.openstreetmap.org/**', (route) => {
      tilesServed++;
      return route.fulfill({ status: 200, contentType: 'image/png', body: tile });
    });
    expectSecurityHeaders(await page.goto(`${base}/`));
    await mapReady(page);
    // The legend is open on a screen this wide.
    await page.getByLabel('Peta dasar OSM (online)').check();
    await page.waitForFunction(() => window.__petawargaMap!.getSource('osm') !== undefined && window.__petawargaMap!.areTilesLoaded());
    expect(tilesServed).toBeGreaterThan(0);
    expect(refusals).toEqual([]);
  });

  it("a report's own page and its map are refused nothing", async () => {
    const { page, refusals } = await watchedPage();
    expectSecurityHeaders(await page.goto(`${base}/r/${reportCode}`));
    await page.getByText(reportCode).first().waitFor();
    await mapReady(page);
    expect(refusals).toEqual([]);
  });

  it('the planner view, its deck.gl layers included, is refused nothing', async () => {
    const { page, refusals } = await watchedPage();
    expectSecurityHeaders(await page.goto(`${base}/analytics`));
    await mapReady(page);
    await page.waitForSelector('.analytics-page:not([data-loading])', { timeout: 60_000 });
    for (const layer of ['Tren titik panas 12 minggu', 'Kepadatan laporan', 'Klaster DBSCAN']) {
      await page.getByLabel(layer).check();
    }
    await page.waitForSelector('.analytics-page:not([data-loading])', { timeout: 60_000 });
    await page.waitForFunction(() => document.querySelector('#deckgl-overlay') !== null, null, { timeout: 30_000 });
    // Software WebGL compiles the density layer's shaders slowly; an idle map has drawn it.
    await page.evaluate(() => new Promise((done) => window.__petawargaMap!.once('idle', done).triggerRepaint()));
    expect(refusals).toEqual([]);
  }, 120_000);

  it('the console, signed out and signed in with a report and its map open, is refused nothing', async () => {
    const { page, refusals } = await watchedPage();
    expectSecurityHeaders(await page.goto(`${base}/console`));
    await page.getByLabel('Email').fill('moderator@csp.test');
    await page.getByLabel('Kata sandi').fill(password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('button', { name: 'Keluar' }).waitFor();
    expectSecurityHeaders(await page.goto(`${base}/console/r/${reportCode}`));
    await page.getByText(reportCode).first().waitFor();
    await mapReady(page);
    expect(refusals).toEqual([]);
  });

  it('the API docs (Swagger UI) are refused nothing', async () => {
    const { page, refusals } = await watchedPage();
    const docs = await page.goto(`${base}/docs`);
    expectSecurityHeaders(docs);
    await page.getByText('PetaWarga API').first().waitFor();
    await page.locator('.opblock').first().waitFor();
    expect(refusals).toEqual([]);
  });

  it('cannot be framed by another page', async () => {
    const { page } = await watchedPage();
    await page.setContent(`<iframe src="${base}/console" title="framed"></iframe>`, { waitUntil: 'load' });
    // Chromium puts its own error page in a frame the framed page refused.
    const frame = page.frames()[1];
    expect(frame.url()).not.toContain('/console');
  });
});
