// The public map on a cheap phone on a slow connection (Chromium at 360×740, CPU slowed 4×,
// 1.6 Mbps down, 750 kbps up, 150 ms round trips): the time from navigation until the map is
// usable (the report clusters drawn, every tile it wants loaded), from a cold cache and again
// from the service worker's cache, and the JavaScript the page's main thread loads on the way,
// gzipped as it crossed the network. MapLibre's web worker is counted apart. Also when "Laporkan"
// and the legend appear, and when the report form is open for a new visitor who taps "Laporkan"
// the moment it shows. Beside them, the same phone opening a page of MapLibre alone with the
// same report tiles (bare-maplibre-page.ts): the floor that no page built on MapLibre gets below.
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../web/src/test/browser.ts';
import { serveBareMapLibre } from './bare-maplibre-page.ts';
import type { BenchArea } from './context.ts';
import { readyWhen } from './first-view.ts';
import { percentile, round } from './stats.ts';
import { rows } from './table.ts';

const limits = { coldMs: 5000, serviceWorkerMs: 2000, mainThreadJsBytes: 350 * 1024 };
const runs = 3;
const slowPhone = { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

interface Load { ms: number; mainJsBytes: number; workerJsBytes: number; reportButtonMs?: number; legendMs?: number }

const appReady = readyWhen('__petawargaMap', 'reports', 'report-clusters');
const bareReady = readyWhen('__bareMap', 'reports', 'report-clusters');
// The app draws its map before React has loaded; its controls come after it (web/src/main.ts).
// "Laporkan" is the static page's until then, shown (and working) once the page's entry has run,
// before the map is usable: the page notes when each appears, as the DOM changes.
const controls = { reportButton: '.report-button:not([hidden])', legend: '.map-options', form: '#report-panel-title' };
const allShown = (...names: (keyof typeof controls)[]) =>
  `${names.map((name) => `'${name}' in window.__shown`).join(' && ')} && window.__shown`;
const recordShown = `(() => {
  const selectors = ${JSON.stringify(controls)};
  const shown = {};
  window.__shown = shown;
  const check = () => {
    for (const [name, selector] of Object.entries(selectors)) {
      if (!(name in shown) && document.querySelector(selector)) shown[name] = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
})()`;

// Notes each moment the map goes idle. The readiness check polls, and on a busy page it comes a
// long task after the frame that drew the reports; the scripts counted are those the page asked
// for before that frame, not before the poll noticed it (the app asks for React at that frame).
// A string, not a function: the TypeScript runner adds helpers to functions that the page lacks.
const recordIdles = `(() => {
  const idles = [];
  window.__idles = idles;
  for (const name of ['__petawargaMap', '__bareMap']) {
    let map;
    Object.defineProperty(window, name, {
      configurable: true,
      get: () => map,
      set(value) {
        map = value;
        map?.on('idle', () => idles.push(performance.now()));
      },
    });
  }
})()`;

async function throttle(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...slowPhone });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

/**
 * Loads / on a throttled page and waits until the map is usable. The scripts counted are those
 * the page asked for before the frame that made it so (what it fetches afterwards, such as React
 * and the report form, is not in the way of the map), by their compressed bodies as they
 * crossed the network.
 */
async function loadMap(context: BrowserContext, url: string, ready = appReady, withControls = false): Promise<Load> {
  const page = await context.newPage();
  await page.addInitScript(recordIdles);
  if (withControls) await page.addInitScript(recordShown);
  await throttle(context, page);
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(ready, undefined, { polling: 50, timeout: 120_000 });
  const { ms } = await handle.jsonValue() as { ms: number };
  const idles = await page.evaluate(() => (window as unknown as { __idles?: number[] }).__idles);
  if (!idles) throw new Error(`${url}: the idle recorder did not run`);
  // The poll may also notice the reports drawn a frame before the map says 'idle'.
  const drawnAt = Math.max(...idles.filter((at) => at <= ms), 0) || ms;
  const shown = withControls
    ? await (await page.waitForFunction(allShown('reportButton', 'legend'), undefined, { polling: 50, timeout: 120_000 }))
      .jsonValue() as Record<keyof typeof controls, number>
    : undefined;
  const scripts = await page.evaluate((usableAt) => performance.getEntriesByType('resource')
    .filter((e) => e.startTime < usableAt && /\.m?js$/.test(new URL(e.name).pathname))
    .map((e) => ({ path: new URL(e.name).pathname, bytes: (e as PerformanceResourceTiming).encodedBodySize })), drawnAt);
  await page.close();
  // The preloaded worker is listed twice, as the preload and as the worker's own (cached) fetch.
  const sum = (list: { path: string; bytes: number }[]) =>
    [...new Map(list.map((s) => [s.path, s.bytes])).values()].reduce((total, bytes) => total + bytes, 0);
  const isWorker = (path: string) => path.includes('maplibre-gl-worker');
  return {
    ms,
    reportButtonMs: shown?.reportButton,
    legendMs: shown?.legend,
    mainJsBytes: sum(scripts.filter((s) => !isWorker(s.path))),
    workerJsBytes: sum(scripts.filter((s) => isWorker(s.path))),
  };
}

/** A new visitor who taps "Laporkan" the moment it is shown: when the report form is there. */
async function tapReportAtOnce(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  await page.addInitScript(recordShown);
  await throttle(context, page);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(allShown('reportButton'), undefined, { polling: 50, timeout: 120_000 });
  await page.locator('.report-button').click();
  const shown = await (await page.waitForFunction(allShown('form'), undefined, { polling: 50, timeout: 120_000 }))
    .jsonValue() as Record<keyof typeof controls, number>;
  await page.close();
  return shown.form;
}

export const phoneMapBench: BenchArea = async (context) => {
  const browser = await launchChromium();
  const url = `${context.server.url}/`;
  const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, serviceWorkers: 'allow' as const,
    // The readiness check is a string evaluated in the page, which the app's CSP (rightly) refuses.
    bypassCSP: true };
  const cold: Load[] = [];
  const fromServiceWorker: number[] = [];
  const formAfterTap: number[] = [];
  const bareCold: number[] = [];
  const bareCached: number[] = [];
  const bare = await serveBareMapLibre(context.server.url);
  try {
    // One unthrottled visit first, so the server's tile cache is as warm as any earlier visitor left it.
    const warmUp = await browser.newContext(phone);
    await loadMap(warmUp, url).catch(() => undefined);
    await warmUp.close();
    for (let run = 0; run < runs; run++) {
      const visitor = await browser.newContext(phone);
      try {
        cold.push(await loadMap(visitor, url, appReady, true));
        // The second visit opens from what the service worker stored at install.
        const page = await visitor.newPage();
        await page.goto(url);
        await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
        await page.close();
        fromServiceWorker.push((await loadMap(visitor, url)).ms);
      } finally {
        await visitor.close();
      }
      const tapper = await browser.newContext(phone);
      try {
        formAfterTap.push(await tapReportAtOnce(tapper, url));
      } finally {
        await tapper.close();
      }
      const bareVisitor = await browser.newContext(phone);
      try {
        bareCold.push((await loadMap(bareVisitor, `${bare.url}/`, bareReady)).ms);
        bareCached.push((await loadMap(bareVisitor, `${bare.url}/`, bareReady)).ms);
      } finally {
        await bareVisitor.close();
      }
    }
  } finally {
    await browser.close();
    await bare.close();
  }
  const coldMs = round(percentile(cold.map((c) => c.ms), 50));
  const swMs = round(percentile(fromServiceWorker, 50));
  const reportButtonMs = round(percentile(cold.map((c) => c.reportButtonMs!), 50));
  const legendMs = round(percentile(cold.map((c) => c.legendMs!), 50));
  const formMs = round(percentile(formAfterTap, 50));
  const bareColdMs = round(percentile(bareCold, 50));
  const bareCachedMs = round(percentile(bareCached, 50));
  const { mainJsBytes, workerJsBytes } = cold[0];
  context.log(`phone map: cold ${cold.map((c) => round(c.ms)).join(', ')} ms ("Laporkan" ${cold.map((c) => round(c.reportButtonMs!)).join(', ')} ms, the legend ${cold.map((c) => round(c.legendMs!)).join(', ')} ms; the form, "Laporkan" tapped at once, ${formAfterTap.map((m) => round(m)).join(', ')} ms); from the service worker ${fromServiceWorker.map((m) => round(m)).join(', ')} ms; main-thread JS ${mainJsBytes} B gzipped, MapLibre worker ${workerJsBytes} B`);
  context.log(`MapLibre alone: cold ${bareCold.map((m) => round(m)).join(', ')} ms; from the HTTP cache ${bareCached.map((m) => round(m)).join(', ')} ms`);
  rows.push({
    area: 'phone map', figure: `map usable, cold cache, slow phone, median of ${runs}`, value: coldMs, unit: 'ms',
    limit: { value: limits.coldMs, kind: 'below', unit: 'ms' },
    reference: { label: 'MapLibre alone', value: bareColdMs },
  });
  rows.push({
    area: 'phone map', figure: `"Laporkan" shown, cold cache, median of ${runs}`, value: reportButtonMs, unit: 'ms',
    reference: { label: 'map usable', value: coldMs },
  });
  rows.push({
    area: 'phone map', figure: `legend and search shown, cold cache, median of ${runs}`, value: legendMs, unit: 'ms',
    reference: { label: 'map usable', value: coldMs },
  });
  rows.push({
    area: 'phone map', figure: `report form open, "Laporkan" tapped as it shows, cold, median of ${runs}`, value: formMs, unit: 'ms',
    reference: { label: 'map usable', value: coldMs },
  });
  rows.push({
    area: 'phone map', figure: `map usable from the service worker, median of ${runs}`, value: swMs, unit: 'ms',
    limit: { value: limits.serviceWorkerMs, kind: 'below', unit: 'ms' },
    reference: { label: 'MapLibre alone, HTTP cache', value: bareCachedMs },
  });
  rows.push({
    area: 'phone map', figure: 'main-thread JavaScript, gzipped', value: mainJsBytes, unit: 'B',
    limit: { value: limits.mainThreadJsBytes, kind: 'below', unit: 'B' },
    reference: { label: 'MapLibre worker', value: workerJsBytes },
  });
  Object.assign(context.results, {
    phone_map_cold_ms: coldMs, phone_map_cold_runs_ms: cold.map((c) => round(c.ms)),
    phone_map_report_button_ms: reportButtonMs, phone_map_report_button_runs_ms: cold.map((c) => round(c.reportButtonMs!)),
    phone_map_controls_ms: legendMs, phone_map_controls_runs_ms: cold.map((c) => round(c.legendMs!)),
    phone_map_form_after_tap_ms: formMs, phone_map_form_after_tap_runs_ms: formAfterTap.map((m) => round(m)),
    phone_map_bare_maplibre_cold_ms: bareColdMs, phone_map_bare_maplibre_cold_runs_ms: bareCold.map((m) => round(m)),
    phone_map_bare_maplibre_cached_ms: bareCachedMs, phone_map_bare_maplibre_cached_runs_ms: bareCached.map((m) => round(m)),
    phone_map_service_worker_ms: swMs, phone_map_service_worker_runs_ms: fromServiceWorker.map((m) => round(m)),
    phone_map_main_js_bytes: mainJsBytes, phone_map_worker_js_bytes: workerJsBytes,
  });
};
