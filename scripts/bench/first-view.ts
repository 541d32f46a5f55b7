// First view: a new visitor (fresh browser profile, no cache) opens the public map at / in real
// Chromium; the figure is the time from navigation until the map is idle with the reports
// layer's tiles loaded and clusters drawn, and the bytes that crossed the network (compressed,
// with headers). Beside it, the common approach (geojson-page.ts) at 10k, 100k and 1M reports.
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../web/src/test/browser.ts';
import { benchDatabaseName } from './bench-database.ts';
import type { BenchArea } from './context.ts';
import { serveGeojsonSite } from './geojson-page.ts';
import { round } from './stats.ts';
import { rows } from './table.ts';

const limits = { ms: 1500, bytes: 1_000_000 };
const comparisonCounts = [10_000, 100_000, 1_000_000];

interface View { ms: number; bytes: number; requests: number; shown: number }

/** Opens `url` in a fresh context and waits until `ready` (run in the page) returns the reports shown. */
async function firstView(browser: Browser, url: string, ready: string, timeoutMs: number): Promise<View> {
  // The readiness check is a string evaluated in the page, which the app's CSP (rightly) refuses.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  try {
    const page: Page = await context.newPage();
    // Playwright's request events include MapLibre's web workers, which fetch the tiles and the
    // GeoJSON (a page-level CDP session would not see them). Sizes are as transferred: the
    // encoded body plus headers.
    let bytes = 0;
    let requests = 0;
    const sizes: Promise<void>[] = [];
    context.on('requestfinished', (request) => {
      requests++;
      // A request that finishes as the context closes has no sizes left to read: not counted.
      sizes.push(request.sizes().then((s) => { bytes += s.responseBodySize + s.responseHeadersSize; }, () => undefined));
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(ready, undefined, { polling: 20, timeout: timeoutMs }).catch((error) => {
      throw new Error(`${url} not ready: ${(error as Error).message} ${errors.join('; ')}`);
    });
    const { ms, shown } = await handle.jsonValue() as { ms: number; shown: number };
    await page.waitForTimeout(200); // let the last requestfinished events arrive
    await Promise.all(sizes);
    return { ms, bytes, requests, shown };
  } finally {
    await context.close();
  }
}

// Ready when the map has loaded every tile and source it wants and the cluster layer has drawn
// features; answers the time since navigation and how many reports the drawn clusters hold.
export const readyWhen = (mapGlobal: string, source: string, layer: string) => `(() => {
  const map = window.${mapGlobal};
  if (!map || !map.getSource('${source}') || !map.isSourceLoaded('${source}') || !map.loaded() || !map.areTilesLoaded()) return false;
  const drawn = map.queryRenderedFeatures({ layers: ['${layer}'] });
  if (!drawn.length) return false;
  return { ms: performance.now(), shown: drawn.reduce((sum, f) => sum + (Number(f.properties.point_count) || 1), 0) };
})()`;

export const firstViewBench: BenchArea = async (context) => {
  const browser = await launchChromium();
  const site = await serveGeojsonSite(context.db, benchDatabaseName(context.reports), comparisonCounts.filter((c) => c <= context.reports));
  try {
    // The first load compiles nothing server-side, but warms PostgreSQL and the tile cache the
    // way any earlier visitor would; the figure is a visitor whose browser has nothing yet.
    const app = await firstView(browser, `${context.server.url}/`, readyWhen('__petawargaMap', 'reports', 'report-clusters'), 60_000);
    context.log(`first view (app, uncached server): ${round(app.ms)} ms, ${app.bytes} B in ${app.requests} requests, clusters hold ${app.shown} reports`);
    const warm = await firstView(browser, `${context.server.url}/`, readyWhen('__petawargaMap', 'reports', 'report-clusters'), 60_000);
    context.log(`first view (app, new visitor): ${round(warm.ms)} ms, ${warm.bytes} B in ${warm.requests} requests, clusters hold ${warm.shown} reports`);
    const geojson: Record<number, View> = {};
    for (const count of comparisonCounts.filter((c) => c <= context.reports)) {
      geojson[count] = await firstView(browser, `${site.url}/geojson-${count}.html`, readyWhen('__benchMap', 'points', 'clusters'), 300_000);
      context.log(`first view (GeoJSON + browser clustering, ${count}): ${round(geojson[count].ms)} ms, ${geojson[count].bytes} B, clusters hold ${geojson[count].shown}`);
    }
    const largest = geojson[Math.max(...Object.keys(geojson).map(Number))];
    rows.push({
      area: 'first view', figure: `time to idle map, ${context.reports.toLocaleString('en')} reports`, value: round(warm.ms), unit: 'ms',
      limit: { value: limits.ms, kind: 'below', unit: 'ms' },
      reference: largest && { label: 'GeoJSON+browser clustering', value: round(largest.ms) },
    });
    rows.push({
      area: 'first view', figure: `bytes transferred, ${context.reports.toLocaleString('en')} reports`, value: warm.bytes, unit: 'B',
      limit: { value: limits.bytes, kind: 'below', unit: 'B' },
      reference: largest && { label: 'GeoJSON+browser clustering', value: largest.bytes },
    });
    Object.assign(context.results, {
      first_view_ms: round(warm.ms), first_view_bytes: warm.bytes, first_view_requests: warm.requests,
      first_view_reports_in_clusters: warm.shown,
      first_view_cold_server_ms: round(app.ms), first_view_cold_server_bytes: app.bytes,
      first_view_geojson: Object.fromEntries(Object.entries(geojson).map(([n, v]) => [n, { ms: round(v.ms), bytes: v.bytes, reports_in_clusters: v.shown }])),
    });
  } finally {
    await site.close();
    await browser.close();
  }
};
