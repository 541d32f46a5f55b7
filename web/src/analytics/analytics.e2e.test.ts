import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../server/src/db/database.ts';
import { insertReports } from '../../../server/src/analytics/test-fixtures.ts';
import { createTestApp, type TestApp } from '../../../server/src/test/app.ts';
import { launchChromium } from '../test/browser.ts';
import { weekEnd } from './week-range.ts';

// Uses the built web app in web/dist (npm test builds it first).

let t: TestApp;
let browser: Browser;
let page: Page;
let origin: string;
const pageErrors: string[] = [];
const giRequests: URL[] = [];
const analyticsRequests: URL[] = [];
const spot = { lon: 106.63, lat: -6.18 };

beforeAll(async () => {
  t = await createTestApp();
  // 400 reports spread over the cities and 120 piled within 150 m of one spot: a 99 % hot spot;
  // 60 more six weeks earlier, so that the time slider has weeks to leave out
  await insertReports(t.db, sql`
    SELECT (ST_Dump(ST_GeneratePoints((SELECT ST_Union(geom) FROM cities), 400, 3))).geom AS geom,
           'sampah' AS category, now() - interval '3 days' AS created_at
    UNION ALL
    SELECT ST_Transform((ST_Dump(ST_GeneratePoints(ST_Buffer(ST_Transform(ST_Point(106.63, -6.18, 4326), 32748), 150), 120, 5))).geom, 4326),
           'banjir', now() - interval '10 days'
    UNION ALL
    SELECT (ST_Dump(ST_GeneratePoints((SELECT ST_Union(geom) FROM cities), 60, 7))).geom, 'sampah', now() - interval '45 days'`);
  // the spot's kelurahan is the only one with a population on record
  await t.db.query(sql`UPDATE kelurahan SET population = 5000 WHERE ST_Contains(geom, ST_Point(${spot.lon}, ${spot.lat}, 4326))`);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await launchChromium();
  // An English browser: the page still speaks, and writes dates, as its own language choice says.
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === '/api/hotspots/getis-ord') giRequests.push(url);
    if (url.pathname.startsWith('/api/hotspots/')) analyticsRequests.push(url);
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** Where the planted spot is on screen. */
function spotOnScreen() {
  return page.evaluate(({ lon, lat }) => {
    const map = window.__petawargaMap!;
    const { x, y } = map.project([lon, lat]);
    const box = map.getCanvas().getBoundingClientRect();
    return { x: box.left + x, y: box.top + y };
  }, spot);
}

/** Clicks the spot until the side panel's numbers match (the layer may still be drawing). */
async function clickSpotUntil(details: RegExp) {
  await page.waitForSelector('.analytics-page:not([data-loading])', { timeout: 60_000 });
  const point = await spotOnScreen();
  await expect.poll(async () => {
    await page.mouse.click(point.x, point.y);
    return page.getByTestId('feature-details').innerText().catch(() => '');
  }, { timeout: 20_000 }).toMatch(details);
}

/** The tracking codes listed under the clicked feature, after each links to its public page. */
async function listedCodes(): Promise<string[]> {
  const links = page.getByTestId('picked-reports').getByRole('link');
  await links.first().waitFor();
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  for (const href of hrefs) expect(href).toMatch(/^\/r\/TST-[0-9a-f]{10}$/);
  return hrefs.map((href) => href.slice(3));
}

const codesOf = (rows: { code: string }[]) => rows.map((r) => r.code);

/**
 * "Kelurahan, Kecamatan" holding the centre of the planted spot's hexagon, as the side panel
 * names a clicked hexagon (the centre of hexagon (i, j) is (1.5·size·i, √3·size·j), raised
 * by half a row in odd columns: db/functions/hexagon_cell.sql).
 */
async function spotKelurahan(cellM: number): Promise<string> {
  const [row] = await t.db.query<{ place: string }>(sql`
    WITH spot AS (SELECT ST_Transform(ST_Point(${spot.lon}, ${spot.lat}, 4326), 32748) AS p),
         cell AS (SELECT c.i, c.j FROM spot CROSS JOIN LATERAL hexagon_cell(ST_X(spot.p), ST_Y(spot.p), ${cellM}::float8) AS c),
         centre AS (SELECT ST_Transform(ST_Point(1.5 * ${cellM}::float8 * i,
           sqrt(3::float8) * ${cellM}::float8 * (j + CASE WHEN i % 2 <> 0 THEN 0.5 ELSE 0 END), 32748), 4326) AS p FROM cell)
    SELECT k.name || ', ' || kc.name AS place
    FROM centre JOIN kelurahan k ON ST_Contains(k.geom, centre.p) JOIN kecamatan kc ON kc.code = k.kecamatan_code`);
  return row.place;
}

/** An ISO yyyy-mm-dd written day first, as the date fields show it (07/10/2026). */
const dayFirst = (iso: string) => iso.split('-').reverse().join('/');

// The steps share one page and run in order: each starts where the previous one left it.
describe('planner analytics page', () => {
  it('toggles the Gi* hot spot layer and reads its legend, with hexagons and reports counted', async () => {
    await page.goto(`${origin}/analytics`);
    await page.waitForSelector('body[data-map-ready="1"]', { timeout: 30_000 });
    await expect.poll(() => page.getByTestId('hotspot-legend').count()).toBe(0);

    const toggle = page.getByLabel('Titik panas (Gi*)');
    await toggle.check();
    const legend = page.getByTestId('hotspot-legend');
    await legend.waitFor();
    const text = await legend.innerText();
    for (const entry of ['Titik panas, keyakinan 99%', 'Titik panas, keyakinan 95%', 'Titik panas, keyakinan 90%',
      'Tidak signifikan', 'Titik dingin, keyakinan 90%', 'Titik dingin, keyakinan 95%', 'Titik dingin, keyakinan 99%']) {
      expect(text).toContain(entry);
    }
    // every report of the whole span falls in some hexagon of the study area
    await expect.poll(() => page.getByTestId('hotspot-total').innerText(), { timeout: 60_000 }).toMatch(/^580 laporan dalam \d+ heksagon$/);

    await toggle.uncheck();
    await expect.poll(() => legend.count()).toBe(0);
    await toggle.check();
    await expect.poll(() => page.getByTestId('hotspot-total').innerText(), { timeout: 60_000 }).toMatch(/^580 laporan/);
  }, 120_000);

  it('shows a clicked hexagon\'s numbers and its newest reports, linked to their pages', async () => {
    // the planted spot: the hexagon on top answers with its count and 99 % bin
    // the planted spot: the hexagon on top answers in words, named by its kelurahan
    const place = await spotKelurahan(500);
    await clickSpotUntil(new RegExp(`${place}: Titik panas, keyakinan 99%, \\d+ laporan dalam periode terpilih`));
    const newestInCell = await t.db.query<{ code: string }>(sql`
      WITH spot AS (SELECT ST_Transform(ST_Point(${spot.lon}, ${spot.lat}, 4326), 32748) AS p),
           here AS (SELECT c.i, c.j FROM spot CROSS JOIN LATERAL hexagon_cell(ST_X(spot.p), ST_Y(spot.p), 500) AS c)
      SELECT r.code FROM reports r CROSS JOIN LATERAL hexagon_cell(r.utm_x, r.utm_y, 500) AS cell, here
      WHERE cell.i = here.i AND cell.j = here.j
      ORDER BY r.created_at DESC, r.id DESC LIMIT 10`);
    expect(newestInCell).toHaveLength(10);
    expect(await listedCodes()).toEqual(codesOf(newestInCell));
  }, 60_000);

  it('shows a clicked kelurahan\'s numbers and its newest reports, coloured by the measure chosen', async () => {
    await page.getByLabel('Titik panas (Gi*)').uncheck();
    await clickSpotUntil(/Kelurahan/);
    const newestInKelurahan = await t.db.query<{ code: string }>(sql`
      SELECT r.code FROM reports r
      WHERE r.kelurahan_code = (SELECT code FROM kelurahan WHERE ST_Contains(geom, ST_Point(${spot.lon}, ${spot.lat}, 4326)))
      ORDER BY r.created_at DESC, r.id DESC LIMIT 10`);
    expect(newestInKelurahan).toHaveLength(10);
    expect(await listedCodes()).toEqual(codesOf(newestInKelurahan));

    // per 1,000 residents: only the spot's kelurahan is known, so it bounds the top class
    const [{ reports }] = await t.db.query<{ reports: number }>(sql`
      SELECT count(*)::integer AS reports FROM reports r JOIN kelurahan k ON k.code = r.kelurahan_code
      WHERE ST_Contains(k.geom, ST_Point(${spot.lon}, ${spot.lat}, 4326))`);
    const perThousand = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }).format((reports * 1000) / 5000);
    const choroplethLegend = page.getByTestId('choropleth-legend');
    expect(await choroplethLegend.innerText()).toContain('Laporan per kelurahan');
    await page.getByLabel('Warna kelurahan').selectOption({ label: 'Laporan per 1.000 penduduk' });
    await expect.poll(() => choroplethLegend.innerText()).toContain('Laporan per 1.000 penduduk');
    const legendText = await choroplethLegend.innerText();
    expect(legendText).toContain(`–${perThousand}`);
    expect(legendText).toContain('tidak diketahui');
    expect(await page.getByTestId('feature-details').innerText()).toMatch(new RegExp(`Laporan per 1\\.000 penduduk\\s+${perThousand}`));
    await page.getByLabel('Titik panas (Gi*)').check();
  }, 60_000);

  it('narrows every layer to the weeks chosen on the time slider, sending the window once the handle rests', async () => {
    const weekly = (await t.app.inject({ method: 'GET', url: '/api/analytics/weekly' })).json() as
      { weeks: { week_start: string; reports: number }[] };
    const mondays = [...new Set(weekly.weeks.map((w) => w.week_start))];
    expect(mondays.length).toBeGreaterThanOrEqual(6);
    const lastWeek = mondays.at(-1)!;
    const inLastWeek = weekly.weeks.filter((w) => w.week_start === lastWeek).reduce((sum, w) => sum + w.reports, 0);
    expect(inLastWeek).toBeLessThan(580);

    // the keyboard moves the first-week handle to the last week, one week per key press, 50 ms
    // apart like a held arrow key's repeat: slower than a page's tasks, faster than the debounce
    const start = page.getByLabel('Minggu pertama');
    await start.focus();
    const before = giRequests.length;
    const presses = mondays.length - 1;
    for (let week = 0; week < presses; week += 1) {
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(50);
    }
    expect(await start.inputValue()).toBe(String(presses));
    await expect.poll(() => page.getByTestId('slider-dates').innerText()).toMatch(/^\d+ \S+ \d{4} – \d+ \S+ \d{4}$/);

    await expect.poll(() => giRequests.at(-1)?.searchParams.get('since'), { timeout: 10_000 }).toBe(lastWeek);
    expect(giRequests.at(-1)!.searchParams.get('until')).toBe(weekEnd(lastWeek));
    // debounced: the handle's stops on the way were not each sent
    expect(giRequests.length - before).toBeLessThan(presses);
    await expect.poll(() => page.getByTestId('hotspot-total').innerText(), { timeout: 60_000 })
      .toMatch(new RegExp(`^${inLastWeek} laporan dalam \\d+ heksagon$`));
    // the date fields write the window day first, in Indonesian, though the browser is en-US
    const since = page.getByLabel('Sejak', { exact: true });
    expect(await since.getAttribute('placeholder')).toBe('hh/bb/tttt');
    // the panel keeps to its width: neither the date fields nor the selects scroll it sideways
    expect(await page.locator('.analytics-side').evaluate((side) => side.scrollWidth - side.clientWidth)).toBeLessThanOrEqual(0);
    expect(await since.inputValue()).toBe(dayFirst(lastWeek));
    expect(await page.getByLabel('Sampai', { exact: true }).inputValue()).toBe(dayFirst(weekEnd(lastWeek)));

    // a date that does not exist is marked and not sent
    const sentBefore = giRequests.length;
    await since.fill('31/02/2026');
    await since.blur();
    await page.getByText('Tanggal tidak dikenali. Tulis hh/bb/tttt, misalnya 07/10/2026.').waitFor();
    expect(await since.getAttribute('aria-invalid')).toBe('true');
    await page.waitForTimeout(600);
    expect(giRequests.length).toBe(sentBefore);
    expect(await start.inputValue()).toBe(String(presses));

    // a date typed in moves the handle back to the week that holds it
    await since.fill(dayFirst(mondays[0]));
    await expect.poll(() => start.inputValue()).toBe('0');
    expect(await since.getAttribute('aria-invalid')).toBe('false');
    await expect.poll(() => giRequests.at(-1)?.searchParams.get('since'), { timeout: 10_000 }).toBe(mondays[0]);
    await expect.poll(() => page.getByTestId('hotspot-total').innerText(), { timeout: 60_000 }).toMatch(/^580 laporan/);
  }, 120_000);

  it('draws the trend, density and DBSCAN layers and speaks English on request', async () => {
    // the trend layer loads for the same filter and explains its four labels
    await page.getByLabel('Tren titik panas 12 minggu').check();
    await expect.poll(() => page.getByTestId('emerging-legend').innerText()).toContain('Titik panas baru: panas hanya di minggu terakhir');
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
    await expect.poll(() => page.getByTestId('hotspot-legend').innerText()).toContain('Hot spot, 99% confidence');
    await expect.poll(() => page.getByLabel('First week').count()).toBe(1);
    // in English the same day-first field, with its English placeholder
    expect(await page.getByLabel('Since', { exact: true }).getAttribute('placeholder')).toBe('dd/mm/yyyy');
    expect(await page.getByLabel('Since', { exact: true }).inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    expect(pageErrors).toEqual([]);
  }, 150_000);

  it('a planner changes each parameter and reads a clicked hexagon\'s statement', async () => {
    // the page speaks English since the step before; the view says the analytics are open data
    expect(await page.getByTestId('open-data-note').innerText()).toContain('Open data');
    const last = (path: string) => [...analyticsRequests].reverse().find((u) => u.pathname === path);
    const sent = (path: string, name: string) => last(path)?.searchParams.get(name);
    const gi = '/api/hotspots/getis-ord';
    // the view's defaults go out with the first request
    expect(sent(gi, 'cell_m')).toBe('500');
    expect(sent(gi, 'distance_m')).toBe('1000');
    expect(sent(gi, 'fdr')).toBe('true');

    await page.getByLabel('Hexagon size (edge)').selectOption('1000');
    await expect.poll(() => sent(gi, 'cell_m'), { timeout: 20_000 }).toBe('1000');
    expect(sent(gi, 'distance_m')).toBe('2000');
    await page.getByLabel('Neighbour distance (m)').fill('2500');
    await expect.poll(() => sent(gi, 'distance_m'), { timeout: 20_000 }).toBe('2500');
    await page.getByLabel('Neighbourhood').selectOption('knn');
    await expect.poll(() => sent(gi, 'neighbours'), { timeout: 20_000 }).toBe('knn');
    await page.getByLabel('Number of neighbours (k)').fill('6');
    await expect.poll(() => sent(gi, 'k'), { timeout: 20_000 }).toBe('6');
    expect(sent(gi, 'distance_m')).toBeNull();
    await page.getByLabel('False Discovery Rate correction (Benjamini–Hochberg)').uncheck();
    await expect.poll(() => sent(gi, 'fdr'), { timeout: 20_000 }).toBe('false');
    await page.getByLabel('Gi* measure').selectOption('density');
    await expect.poll(() => sent(gi, 'measure'), { timeout: 20_000 }).toBe('density');
    await page.getByLabel('Trend weeks').fill('8');
    await expect.poll(() => sent('/api/hotspots/emerging', 'weeks'), { timeout: 20_000 }).toBe('8');
    expect(sent('/api/hotspots/emerging', 'k')).toBe('6');
    expect(sent('/api/hotspots/emerging', 'cell_m')).toBe('1000');
    await page.getByLabel('DBSCAN distance (m)').fill('200');
    await expect.poll(() => sent('/api/hotspots/dbscan', 'eps_m'), { timeout: 20_000 }).toBe('200');
    await page.getByLabel('DBSCAN minimum reports').fill('5');
    await expect.poll(() => sent('/api/hotspots/dbscan', 'min_points'), { timeout: 20_000 }).toBe('5');

    // density and DBSCAN have their legends, the latter with the rule just chosen
    expect(await page.getByTestId('density-legend').innerText()).toContain('more reports');
    await expect.poll(() => page.getByTestId('cluster-legend').innerText())
      .toMatch(/At least 5 reports, each within 200 m of another[\s\S]*Clusters found: \d+/);

    // the answers to those parameters are drawn without errors, and the planted spot still reads hot
    await page.getByRole('checkbox', { name: 'Hot spot trends, 12 weeks' }).uncheck();
    await page.getByRole('checkbox', { name: 'Report density' }).uncheck();
    await page.getByRole('checkbox', { name: 'DBSCAN clusters' }).uncheck();
    await page.waitForSelector('.analytics-page:not([data-loading])', { timeout: 60_000 });
    expect(await page.getByRole('alert').count()).toBe(0);
    const place = await spotKelurahan(1000);
    await clickSpotUntil(new RegExp(`${place}: Hot spot, 99% confidence, \\d+ reports in the chosen period`));
    expect(pageErrors).toEqual([]);
  }, 150_000);
});
