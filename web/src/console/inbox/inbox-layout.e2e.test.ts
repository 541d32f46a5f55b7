import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertReports } from '../../../../server/src/analytics/test-fixtures.ts';
import { sql } from '../../../../server/src/db/database.ts';
import { createStaff } from '../../../../server/src/staff/create.ts';
import type { TestApp } from '../../../../server/src/test/app.ts';
import { serveForBrowser } from '../../test/served-app.ts';
import { signInThroughConsole } from '../../test/console-sign-in.ts';

// The console at a desk (1280 × 800) and in the field (a 360 × 740 phone), and the planner view on
// a tablet (768 × 1024) and a phone, against the real server and the built web app in web/dist.
const shots = path.join(os.tmpdir(), 'petawarga-inbox-e2e');
const password = 'kata-sandi-uji-123';
const sukarasa = '36.71.01.1001';
const longDescription = `Saluran air di depan gang tersumbat sampah plastik dan lumpur sejak dua minggu, `
  + `air meluap ke jalan setiap hujan deras sehingga warga sulit lewat dan anak-anak terpaksa berjalan di genangan. `
  + `Mohon segera dikeruk dan diberi penutup. Akhir uraian.`;

let t: TestApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  ({ t, base, browser } = await serveForBrowser());
  // 400 open reports inside one kelurahan, with deadlines: far more than a screen of rows, and
  // enough points on the map that it must cluster them.
  await insertReports(t.db, sql`
    SELECT (ST_Dump(ST_GeneratePoints((SELECT geom FROM kelurahan WHERE code = ${sukarasa}), 400, 17))).geom AS geom,
           (ARRAY['sampah', 'drainase', 'jalan_rusak'])[1 + (row_number() OVER ()) % 3] AS category,
           now() - interval '2 days' AS created_at`);
  await t.db.query(sql`
    UPDATE reports SET due_at = now() + (id % 20 - 3) * interval '1 day', due_counted_from = created_at, due_working_days = 5,
        description = 'Laporan uji nomor ' || id, code = upper(code)
    WHERE kelurahan_code = ${sukarasa}`);
  await t.db.query(sql`
    UPDATE reports SET description = ${longDescription}
    WHERE id = (SELECT id FROM reports WHERE kelurahan_code = ${sukarasa} ORDER BY due_at, id LIMIT 1)`);
  await createStaff(t.db, { email: 'sukarasa@e2e.test', name: 'Petugas Sukarasa', role: 'kelurahan_officer', kelurahanCode: sukarasa, password });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

async function signedIn(context: BrowserContext): Promise<Page> {
  const page = await signInThroughConsole(context, base, { email: 'sukarasa@e2e.test', password });
  await page.locator('tr[data-code]').first().waitFor();
  return page;
}

/** How far the page is wider than the screen: 0 when nothing scrolls sideways. */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('the console inbox at a desk, 1280 × 800', () => {
  let page: Page;
  beforeAll(async () => {
    // An English browser, for the date filters: they write dates as the page's language does.
    page = await signedIn(await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' }));
  });
  afterAll(() => page?.context().close());

  it('shows at least 15 reports on one screen, one line each, no column cut off', async () => {
    const rows = await page.locator('tr[data-code]').evaluateAll((trs) => trs.map((tr) => {
      const box = tr.getBoundingClientRect();
      return { top: box.top, bottom: box.bottom, height: box.height };
    }));
    await page.screenshot({ path: path.join(shots, 'desk-inbox.png') });
    const onScreen = rows.filter((r) => r.top >= 0 && r.bottom <= 800);
    expect(onScreen.length).toBeGreaterThanOrEqual(15);
    expect(Math.max(...rows.map((r) => r.height))).toBeLessThanOrEqual(60);
    // The last column (the description) fits in the table, and the page does not scroll sideways.
    const table = await page.locator('.table-scroll').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(table.scroll).toBeLessThanOrEqual(table.client);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
  });

  it('cuts the description with an ellipsis and shows the whole text when the row is opened out', async () => {
    const first = page.locator('tr[data-code]').first();
    const summary = first.locator('td.col-summary');
    expect(await summary.evaluate((td) => getComputedStyle(td).textOverflow)).toBe('ellipsis');
    expect(await summary.evaluate((td) => td.scrollWidth > td.clientWidth)).toBe(true);
    const code = await first.getAttribute('data-code');
    await first.getByRole('button', { name: `Uraian lengkap ${code}` }).click();
    const details = page.locator(`#details-${code}`);
    await details.getByText('Akhir uraian.', { exact: false }).waitFor();
    await first.getByRole('button', { name: `Uraian lengkap ${code}` }).click();
    await details.waitFor({ state: 'detached' });
  });

  it('sorts by a column heading, and reverses on a second click', async () => {
    const sorted = page.waitForRequest((r) => new URL(r.url()).searchParams.get('sort') === 'code' && !r.url().includes('geojson'));
    await page.getByRole('button', { name: 'Kode' }).click();
    await sorted;
    await page.locator('th[aria-sort="ascending"]').getByText('Kode').waitFor();
    const ascending = await page.locator('tr[data-code]').first().getAttribute('data-code');
    await page.getByRole('button', { name: 'Kode' }).click();
    await page.locator('th[aria-sort="descending"]').getByText('Kode').waitFor();
    await expect.poll(() => page.locator('tr[data-code]').first().getAttribute('data-code')).not.toBe(ascending);
    const [{ last }] = await t.db.query<{ last: string }>(sql`SELECT max(code) AS last FROM reports WHERE kelurahan_code = ${sukarasa}`);
    expect(await page.locator('tr[data-code]').first().getAttribute('data-code')).toBe(last);
    // back to the deadline order for the tests after this one
    await page.getByRole('button', { name: 'Tenggat' }).click();
    await page.locator('th[aria-sort="ascending"]').getByText('Tenggat').waitFor();
  });

  it('draws clusters with counts on its map, not 400 points, and a click on one zooms in', async () => {
    await page.waitForSelector('body[data-map-ready="1"]');
    await expect.poll(() => page.evaluate(() => window.__petawargaMap!.querySourceFeatures('desk-reports').length)).toBeGreaterThan(0);
    const drawn = await page.evaluate(() => window.__petawargaMap!.querySourceFeatures('desk-reports').map((f) => f.properties));
    const clusters = drawn.filter((p) => typeof p.point_count === 'number');
    expect(clusters.length).toBeGreaterThan(0);
    expect(drawn.length).toBeLessThan(400);
    expect(Math.max(...clusters.map((c) => c.point_count))).toBeGreaterThan(10);
    await page.locator('.inbox-map').scrollIntoViewIfNeeded();
    const target = await page.evaluate(() => {
      const map = window.__petawargaMap!;
      const [cluster] = map.queryRenderedFeatures({ layers: ['desk-report-clusters'] });
      const { x, y } = map.project((cluster.geometry as GeoJSON.Point).coordinates as [number, number]);
      const box = map.getCanvas().getBoundingClientRect();
      return { x: box.left + x, y: box.top + y, zoom: map.getZoom() };
    });
    await page.mouse.click(target.x, target.y);
    await expect.poll(() => page.evaluate(() => window.__petawargaMap!.getZoom())).toBeGreaterThan(target.zoom + 0.5);
  });

  it('filters by dates typed day first in Indonesian under an en-US browser, and refuses a date that does not exist', async () => {
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const sent: URLSearchParams[] = [];
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.pathname === '/api/console/reports') sent.push(url.searchParams);
    });
    // the reports were made two days ago: three days ago, in Jakarta, is before all of them
    const [day] = await t.db.query<{ iso: string }>(sql`
      SELECT ((now() AT TIME ZONE 'Asia/Jakarta')::date - 3)::text AS iso`);
    const typed = day.iso.split('-').reverse().join('/');

    const from = page.getByLabel('Dibuat sejak', { exact: true });
    expect(await from.getAttribute('placeholder')).toBe('hh/bb/tttt');
    await from.fill('31/02/2026');
    await from.blur();
    await page.getByText('Tanggal tidak dikenali. Tulis hh/bb/tttt, misalnya 07/10/2026.').waitFor();
    expect(await from.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await from.getAttribute('aria-describedby'))!.split(' ');
    expect(await page.locator(`[id="${describedBy.at(-1)}"]`).innerText()).toContain('Tanggal tidak dikenali');
    await page.waitForTimeout(500);
    expect(sent.filter((q) => q.has('created_from'))).toEqual([]);

    await from.fill(typed);
    await expect.poll(() => sent.at(-1)?.get('created_from')).toBe(day.iso);
    expect(await from.getAttribute('aria-invalid')).toBe('false');
    expect(await page.getByText('Tanggal tidak dikenali').count()).toBe(0);
    await expect.poll(() => page.locator('tr[data-code]').count()).toBeGreaterThan(0);

    // up to the same day: none of the reports, which all came after it
    const to = page.getByLabel('Dibuat sampai', { exact: true });
    await to.fill(typed);
    await expect.poll(() => sent.at(-1)?.get('created_to')).toBe(day.iso);
    await expect.poll(() => page.locator('tr[data-code]').count()).toBe(0);

    // the calendar button opens the native picker, and a day picked there is written day first
    await page.getByRole('button', { name: 'Pilih tanggal dari kalender: Dibuat sampai' }).click();
    await page.keyboard.press('Escape');
    await page.locator('.date-field-picker').nth(1).fill(day.iso.replace(/-\d{2}$/, '-28'), { force: true });
    await expect.poll(() => to.inputValue()).toBe(`28/${typed.slice(3)}`);
    expect(pageErrors).toEqual([]);

    // in English the field keeps day first, with an English placeholder
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    const fromInEnglish = page.getByLabel('Created from', { exact: true });
    expect(await fromInEnglish.getAttribute('placeholder')).toBe('dd/mm/yyyy');
    expect(await fromInEnglish.inputValue()).toBe(typed);
    await page.getByRole('button', { name: 'ID', exact: true }).click();

    // the filters' reset empties the fields too
    await page.getByRole('button', { name: 'Atur ulang filter' }).click();
    await expect.poll(() => from.inputValue()).toBe('');
    await page.locator('tr[data-code]').first().waitFor();
  });

  it('moves between rows with the arrow keys and opens the second report with Enter', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const codes = await page.locator('tr[data-code]').evaluateAll((trs) => trs.slice(0, 2).map((tr) => tr.getAttribute('data-code')));
    await page.locator('tr[data-code]').first().focus();
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => ({
      code: document.activeElement?.getAttribute('data-code'),
      outline: getComputedStyle(document.activeElement!).outlineStyle,
    }));
    expect(focused.code).toBe(codes[1]);
    expect(focused.outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/console/r/${codes[1]}`);
    await page.getByRole('heading', { name: 'Ubah status' }).waitFor();
    // at a desk the report's record and the work on it stay side by side, the record on the left
    const facts = (await page.locator('section[aria-labelledby="facts-title"]').boundingBox())!;
    const status = (await page.locator('section[aria-labelledby="status-title"]').boundingBox())!;
    expect(status.x).toBeGreaterThanOrEqual(facts.x + facts.width);
    expect(Math.abs(status.y - facts.y)).toBeLessThan(5);
  });
});

describe('the console on a phone, 360 × 740', () => {
  /** The page's full width, which must not pass the phone's 360 px. */
  const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

  it('lets a kelurahan officer open the inbox and a report, resolve it with a public response and add an after-photo, all within the screen', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await signedIn(context);
    await page.waitForSelector('body[data-map-ready="1"]');
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    const first = page.locator('tr[data-code]').first();
    const code = (await first.getAttribute('data-code'))!;
    expect((await first.boundingBox())!.width).toBeLessThanOrEqual(360);
    await page.screenshot({ path: path.join(shots, 'phone-inbox.png'), fullPage: true });

    await first.getByRole('link', { name: code }).tap();
    await page.getByRole('heading', { name: 'Ubah status' }).waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: path.join(shots, 'phone-report-first-screen.png') });
    // The status form starts on the first screen, above the facts, map and history: the officer
    // sees its heading and first choice without scrolling.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const form = page.locator('section[aria-labelledby="status-title"]');
    const box = (await form.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    const firstChoice = (await form.getByRole('radio').first().boundingBox())!;
    expect(firstChoice.y + firstChoice.height).toBeLessThanOrEqual(740);
    const facts = (await page.locator('section[aria-labelledby="facts-title"]').boundingBox())!;
    expect(facts.y).toBeGreaterThan(box.y);

    await page.getByLabel('Ke: Selesai ditangani').check();
    const response = 'Saluran sudah dikeruk dan diberi penutup. Terima kasih atas laporannya.';
    await page.getByLabel('Tanggapan untuk warga (tampil di halaman publik)').fill(response);
    await page.getByRole('button', { name: 'Ubah ke "Selesai ditangani"' }).tap();
    await page.getByText('Status diubah ke "Selesai ditangani".').waitFor();
    await page.locator('.public-response').getByText(response).waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);

    const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#6b7280' } }).jpeg().toBuffer();
    await page.getByLabel('Pilih foto sesudah perbaikan (paling banyak 3)').setInputFiles({ name: 'sesudah.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByRole('button', { name: 'Unggah foto' }).tap();
    await page.getByText('1 foto diunggah.').waitFor();
    await page.locator('img[data-kind="after"]').waitFor();
    expect(await pageWidth(page)).toBeLessThanOrEqual(360);

    const [report] = await t.db.query<{ status: string; response: string; after: number }>(sql`
      SELECT r.status,
             (SELECT e.reason FROM report_events e
              WHERE e.report_id = r.id AND e.kind = 'status_changed' AND e.new_value ->> 'status' = 'resolved') AS response,
             (SELECT count(*)::int FROM report_photos p WHERE p.report_id = r.id AND p.kind = 'after') AS after
      FROM reports r WHERE r.code = ${code}`);
    expect(report).toEqual({ status: 'resolved', response, after: 1 });
    await page.screenshot({ path: path.join(shots, 'phone-report.png'), fullPage: true });
    await context.close();
  });
});

describe('the planner view on a tablet and on a phone', () => {
  it.each([[768, 1024], [360, 740]])('keeps at least half of the map in view at %i × %i, not covered by the panel', async (width, height) => {
    const page = await browser.newPage({ viewport: { width, height } });
    await page.goto(`${base}/analytics`);
    await page.waitForSelector('body[data-map-ready="1"]');
    await page.screenshot({ path: path.join(shots, `planner-${width}.png`) });
    const { map, side } = await page.evaluate(() => {
      const rect = (selector: string) => {
        const r = document.querySelector(selector)!.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      };
      return { map: rect('.analytics-map'), side: rect('.analytics-side') };
    });
    const area = (r: typeof map) => Math.max(0, r.right - r.left) * Math.max(0, r.bottom - r.top);
    const clip = (r: typeof map, c: typeof map) => ({
      left: Math.max(r.left, c.left), top: Math.max(r.top, c.top), right: Math.min(r.right, c.right), bottom: Math.min(r.bottom, c.bottom),
    });
    const inView = clip(map, { left: 0, top: 0, right: width, bottom: height });
    const covered = area(clip(inView, side));
    // Half of the map's own area is in view and uncovered, and that is a real share of the screen.
    expect(area(inView) - covered).toBeGreaterThanOrEqual(area(map) / 2);
    expect(area(inView) - covered).toBeGreaterThanOrEqual((width * height) / 3);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.close();
  });
});
