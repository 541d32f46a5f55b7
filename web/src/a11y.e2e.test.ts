import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importLayer } from '../../server/src/layers/import.ts';
import { createStaff } from '../../server/src/staff/create.ts';
import { createTestApp, type TestApp } from '../../server/src/test/app.ts';
import { launchChromium } from './test/browser.ts';
import { seriousViolations } from './test/serious-violations.ts';

// Every page a resident, an officer or a planner meets, checked by axe-core in a real browser:
// no serious or critical violation. And the report path by keyboard alone. Needs the built web app.
const password = 'kata-sandi-uji-123';
const inSukarasa = { lon: 106.63172, lat: -6.17188 };
const phone = { viewport: { width: 360, height: 740 } };
const desk = { viewport: { width: 1280, height: 800 } };

let t: TestApp;
let browser: Browser;
let base: string;
let report: { code: string; token: string };

beforeAll(async () => {
  t = await createTestApp();
  await createStaff(t.db, { email: 'moderator@a11y.test', name: 'Moderator Uji', role: 'moderator', password });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
  const res = await t.app.inject({
    method: 'POST', url: '/api/reports',
    payload: { category: 'jalan_rusak', description: 'Jalan berlubang besar di depan sekolah dasar', ...inSukarasa },
  });
  expect(res.statusCode, res.body).toBe(201);
  report = { code: res.json().code, token: res.json().resident_token };
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const mapReady = (page: Page) => page.waitForSelector('body[data-map-ready="1"]', { timeout: 30_000 });

async function newPage(options: typeof phone): Promise<Page> {
  // axe-core needs a context of the page's own.
  const page = await (await browser.newContext(options)).newPage();
  page.on('pageerror', (error) => console.error(`[browser] ${error.message}`));
  return page;
}

describe('accessibility (axe-core, serious and critical)', () => {
  it('the map with the report form open, at 360 px', async () => {
    const page = await newPage(phone);
    await page.goto(`${base}/`);
    await mapReady(page);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Laporkan' }).click();
    await page.getByRole('button', { name: 'Kirim laporan' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  }, 90_000);

  it('a report page and "Laporan saya", at 360 px', async () => {
    const page = await newPage(phone);
    await page.goto(`${base}/r/${report.code}`);
    await page.getByText(report.code).first().waitFor({ timeout: 15_000 });
    expect(await seriousViolations(page)).toEqual([]);

    await page.evaluate((saved) => localStorage.setItem('petawarga:my-reports', JSON.stringify([saved])),
      { ...report, savedAt: new Date().toISOString() });
    await page.goto(`${base}/laporan-saya`);
    await page.locator('.my-report', { hasText: report.code }).locator('.status-badge').waitFor({ timeout: 15_000 });
    expect(await seriousViolations(page)).toEqual([]);
  }, 90_000);

  it('the console, a report on its desk, and the planner view, at 1280 px', async () => {
    const page = await newPage(desk);
    await page.goto(`${base}/console.html`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Email').fill('moderator@a11y.test');
    await page.getByLabel('Kata sandi').fill(password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('button', { name: 'Keluar' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.evaluate((p) => {
      window.history.pushState(null, '', p);
      window.dispatchEvent(new Event('petawarga:navigate'));
    }, `/console/r/${report.code}`);
    await page.getByRole('heading', { name: new RegExp(report.code) }).waitFor({ timeout: 15_000 });
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto(`${base}/analytics`);
    await mapReady(page);
    expect(await seriousViolations(page)).toEqual([]);
  }, 120_000);

  it('the console inbox with a row opened out and a report on its desk at 360 px, and the planner view at 768 px', async () => {
    const page = await newPage(phone);
    await page.goto(`${base}/console.html`);
    await page.getByLabel('Email').fill('moderator@a11y.test');
    await page.getByLabel('Kata sandi').fill(password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    const row = page.locator(`tr[data-code="${report.code}"]`);
    await row.getByRole('button', { name: `Uraian lengkap ${report.code}` }).click();
    await page.locator(`#details-${report.code}`).getByText('Jalan berlubang besar', { exact: false }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await row.getByRole('link', { name: report.code }).click();
    await page.getByRole('heading', { name: new RegExp(report.code) }).waitFor({ timeout: 15_000 });
    expect(await seriousViolations(page)).toEqual([]);

    const tablet = await newPage({ viewport: { width: 768, height: 1024 } });
    await tablet.goto(`${base}/analytics`);
    await mapReady(tablet);
    expect(await seriousViolations(tablet)).toEqual([]);
  }, 120_000);

  it('the routing rules page with a draft rule\'s preview, at 1280 px', async () => {
    await createStaff(t.db, { email: 'admin@a11y.test', name: 'Admin Uji', role: 'admin', password });
    // A street ~13 m south of the report made above.
    await importLayer(t.db, {
      name: 'jalan-a11y', title: 'Jalan A11y', actor: 'test',
      collection: { type: 'FeatureCollection', features: [{
        type: 'Feature', id: 'jalan-a11y', properties: {},
        geometry: { type: 'LineString', coordinates: [[106.62, -6.1720], [106.64, -6.1720]] },
      }] },
    });
    const page = await newPage(desk);
    await page.goto(`${base}/console.html`);
    await page.getByLabel('Email').fill('admin@a11y.test');
    await page.getByLabel('Kata sandi').fill(password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('link', { name: 'Aturan rute' }).click();
    await page.getByRole('button', { name: 'Aturan baru' }).click();
    const form = page.getByRole('form', { name: 'Aturan baru' });
    await form.getByLabel('Nama', { exact: true }).fill('Jalan A11y ke Dishub');
    await form.getByLabel('Lapisan', { exact: true }).selectOption({ label: 'Jalan A11y (1 fitur)' });
    await form.getByLabel('Dinas penerima').selectOption({ label: 'Dinas Perhubungan Kota Tangerang' });
    await form.getByRole('button', { name: 'Pratinjau dampak' }).click();
    await page.getByRole('list', { name: 'Laporan yang akan pindah meja' }).getByText(report.code).waitFor({ timeout: 15_000 });
    await mapReady(page);
    expect(await seriousViolations(page)).toEqual([]);
  }, 120_000);
});

/** Presses Tab until the focused element is the one wanted: the order a keyboard user meets. */
async function tabTo(page: Page, wanted: string, what: string): Promise<void> {
  for (let presses = 0; presses < 80; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, wanted)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

describe('the report path by keyboard alone', () => {
  it('opens the form, places the pin at the map centre, chooses a category, describes and sends', async () => {
    const page = await newPage(phone);
    await page.goto(`${base}/`);
    await mapReady(page);

    // Zoom in on the first view's centre with the map's own keys, so that the centre stays
    // within the cities once the form covers the lower half.
    await tabTo(page, '.maplibregl-canvas', 'the map');
    await expect.poll(async () => {
      await page.keyboard.press('Equal');
      return page.evaluate(() => window.__petawargaMap!.getZoom());
    }, { timeout: 15_000 }).toBeGreaterThan(13.5);
    await tabTo(page, '.report-button', 'the report button');
    await page.keyboard.press('Enter');
    // The button is gone once the panel opens: focus moves to the panel's title, not to the top of the page.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id), { timeout: 15_000 }).toBe('report-panel-title');
    await tabTo(page, '.location-picker button.secondary', '"use the map centre"');
    await page.keyboard.press('Enter');
    await page.locator('#location-status .coordinates').waitFor();
    await tabTo(page, '#report-category', 'the category');
    // Type-ahead on a focused <select>, as a keyboard user picks an option.
    await page.keyboard.type('Sampah');
    expect(await page.locator('#report-category').inputValue()).toBe('sampah');
    await tabTo(page, 'textarea', 'the description');
    await page.keyboard.type('Sampah menumpuk di tepi jalan sejak seminggu');
    await tabTo(page, 'button[type="submit"]', 'the send button');
    await page.keyboard.press('Enter');

    const outcome = page.locator('.tracking-code strong, .field-error, .form-alert').first();
    await outcome.waitFor({ timeout: 15_000 });
    expect(await page.locator('.field-error, .form-alert').allInnerTexts()).toEqual([]);
    const code = (await page.locator('.tracking-code strong').textContent())!.trim();
    const stored = await t.app.inject({ method: 'GET', url: `/api/reports/${code}` });
    expect(stored.json().category.code ?? stored.json().category).toBe('sampah');

    // Closing the panel gives focus back to "Laporkan".
    await page.locator('.report-panel-header').getByRole('button', { name: 'Tutup' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.matches('.report-button') ?? false)).toBe(true);
  }, 90_000);
});
