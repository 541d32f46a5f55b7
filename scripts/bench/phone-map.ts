// The public map on a cheap phone on a slow connection (Chromium at 360×740, CPU slowed 4×,
// 1.6 Mbps down, 750 kbps up, 150 ms round trips): the time from navigation until the map is
// usable (the report clusters drawn, every tile it wants loaded), from a cold cache and again
// from the service worker's cache, and the JavaScript the page's main thread loads on the way,
// gzipped as it crossed the network. MapLibre's web worker is counted apart.
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '../../web/src/test/browser.ts';
import type { BenchArea } from './context.ts';
import { readyWhen } from './first-view.ts';
import { percentile, round } from './stats.ts';
import { rows } from './table.ts';

const limits = { coldMs: 5000, serviceWorkerMs: 2000, mainThreadJsBytes: 350 * 1024 };
const runs = 3;
const slowPhone = { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

interface Load { ms: number; mainJsBytes: number; workerJsBytes: number }

async function throttle(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...slowPhone });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
}

/**
 * Loads / on a throttled page and waits until the map is usable. The scripts counted are those
 * the page asked for before that moment (what it fetches afterwards, such as the report form,
 * is not in the way of the map), by their compressed bodies as they crossed the network.
 */
async function loadMap(context: BrowserContext, url: string): Promise<Load> {
  const page = await context.newPage();
  await throttle(context, page);
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(readyWhen('__petawargaMap', 'reports', 'report-clusters'), undefined, { polling: 50, timeout: 120_000 });
  const { ms } = await handle.jsonValue() as { ms: number };
  const scripts = await page.evaluate((usableAt) => performance.getEntriesByType('resource')
    .filter((e) => e.startTime < usableAt && /\.m?js$/.test(new URL(e.name).pathname))
    .map((e) => ({ path: new URL(e.name).pathname, bytes: (e as PerformanceResourceTiming).encodedBodySize })), ms);
  await page.close();
  // The preloaded worker is listed twice, as the preload and as the worker's own (cached) fetch.
  const sum = (list: { path: string; bytes: number }[]) =>
    [...new Map(list.map((s) => [s.path, s.bytes])).values()].reduce((total, bytes) => total + bytes, 0);
  const isWorker = (path: string) => path.includes('maplibre-gl-worker');
  return {
    ms,
    mainJsBytes: sum(scripts.filter((s) => !isWorker(s.path))),
    workerJsBytes: sum(scripts.filter((s) => isWorker(s.path))),
  };
}

export const phoneMapBench: BenchArea = async (context) => {
  const browser = await launchChromium();
  const url = `${context.server.url}/`;
  const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, serviceWorkers: 'allow' as const,
    // The readiness check is a string evaluated in the page, which the app's CSP (rightly) refuses.
    bypassCSP: true };
  const cold: Load[] = [];
  const fromServiceWorker: number[] = [];
  try {
    // One unthrottled visit first, so the server's tile cache is as warm as any earlier visitor left it.
    const warmUp = await browser.newContext(phone);
    await loadMap(warmUp, url).catch(() => undefined);
    await warmUp.close();
    for (let run = 0; run < runs; run++) {
      const visitor = await browser.newContext(phone);
      try {
        cold.push(await loadMap(visitor, url));
        // The second visit opens from what the service worker stored at install.
        const page = await visitor.newPage();
        await page.goto(url);
        await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
        await page.close();
        fromServiceWorker.push((await loadMap(visitor, url)).ms);
      } finally {
        await visitor.close();
      }
    }
  } finally {
    await browser.close();
  }
  const coldMs = round(percentile(cold.map((c) => c.ms), 50));
  const swMs = round(percentile(fromServiceWorker, 50));
  const { mainJsBytes, workerJsBytes } = cold[0];
  context.log(`phone map: cold ${cold.map((c) => round(c.ms)).join(', ')} ms; from the service worker ${fromServiceWorker.map((m) => round(m)).join(', ')} ms; main-thread JS ${mainJsBytes} B gzipped, MapLibre worker ${workerJsBytes} B`);
  rows.push({
    area: 'phone map', figure: `map usable, cold cache, slow phone, median of ${runs}`, value: coldMs, unit: 'ms',
    limit: { value: limits.coldMs, kind: 'below', unit: 'ms' },
  });
  rows.push({
    area: 'phone map', figure: `map usable from the service worker, median of ${runs}`, value: swMs, unit: 'ms',
    limit: { value: limits.serviceWorkerMs, kind: 'below', unit: 'ms' },
    reference: { label: 'cold cache', value: coldMs },
  });
  rows.push({
    area: 'phone map', figure: 'main-thread JavaScript, gzipped', value: mainJsBytes, unit: 'B',
    limit: { value: limits.mainThreadJsBytes, kind: 'below', unit: 'B' },
    reference: { label: 'MapLibre worker', value: workerJsBytes },
  });
  Object.assign(context.results, {
    phone_map_cold_ms: coldMs, phone_map_cold_runs_ms: cold.map((c) => round(c.ms)),
    phone_map_service_worker_ms: swMs, phone_map_service_worker_runs_ms: fromServiceWorker.map((m) => round(m)),
    phone_map_main_js_bytes: mainJsBytes, phone_map_worker_js_bytes: workerJsBytes,
  });
};
