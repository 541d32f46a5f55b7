import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { importSampleBasemap } from '../../../server/src/basemap/sample.ts';
import { sampleCentre } from '../../../server/src/basemap/sample-extract.ts';
import type { TestApp } from '../../../server/src/test/app.ts';
import { eventually } from '../../../server/src/test/eventually.ts';
import { describeNeeding, osmium } from '../../../server/src/test/requirements.ts';
import { serveForBrowser } from '../test/served-app.ts';

// The self-hosted base map in a real browser with every request off this machine refused: the
// streets, river and landmarks of the imported sample extract, with their names, drawn from our
// own tiles and bundled fonts; before any import, the kelurahan names; with no connection at
// all, the streets seen before. Needs the built web app.

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

/** A page whose requests to anywhere but this server are aborted and listed in `refused`. */
async function offlinePage(): Promise<{ page: Page; refused: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const refused: string[] = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin === base || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    refused.push(url.href);
    return route.abort('internetdisconnected');
  });
  await page.goto(`${base}/`);
  await page.waitForFunction(() => document.body.dataset.mapReady === '1', null, { timeout: 30_000 });
  return { page, refused };
}

/** Names drawn by these style layers once the map has settled at the sample's street view. */
function drawnNames(page: Page, layers: string[]): Promise<string[]> {
  return page.evaluate((ids) => window.__petawargaMap!.queryRenderedFeatures({ layers: ids })
    .map((f) => String(f.properties.name)), layers);
}

async function lookAtSample(page: Page) {
  await page.evaluate(([lon, lat]) => window.__petawargaMap!.jumpTo({ center: [lon, lat], zoom: 16 }), sampleCentre);
}

describeNeeding([[osmium, 'the sample extract is imported with osmium-tool']], 'the base map with no internet', () => {
  it('without an imported base map, draws the kelurahan names so a resident can still orient', async () => {
    const { page, refused } = await offlinePage();
    await lookAtSample(page);
    const names = await eventually(async () => {
      const drawn = await drawnNames(page, ['kelurahan-label']);
      return drawn.length > 0 && drawn;
    }, { what: 'kelurahan names to be drawn', timeoutMs: 20_000 });
    expect(names).toContain('Sukarasa');
    expect(await drawnNames(page, ['basemap-roads', 'basemap-paths', 'basemap-road-names'])).toEqual([]);
    expect(refused).toEqual([]);
    await page.close();
  });

  it('draws the imported streets with their names, the river and the landmarks from this server alone', async () => {
    await t.db.transaction((tx) => importSampleBasemap(tx));
    const { page, refused } = await offlinePage();
    await lookAtSample(page);
    const roadNames = await eventually(async () => {
      const drawn = await drawnNames(page, ['basemap-road-names']);
      return ['Jalan Merdeka', 'Jalan Daan Mogot'].every((n) => drawn.includes(n)) && drawn;
    }, { what: 'road names to be drawn', timeoutMs: 20_000 });
    expect(roadNames).toEqual(expect.arrayContaining(['Jalan Merdeka', 'Jalan Daan Mogot', 'Jalan Kisamaun']));
    expect(await drawnNames(page, ['basemap-roads'])).toEqual(
      expect.arrayContaining(['Jalan Daan Mogot', 'Jalan Merdeka', 'Jalan Kisamaun']));
    expect(await drawnNames(page, ['basemap-paths'])).toContain('Gang Mawar');
    expect(await drawnNames(page, ['basemap-waterways'])).toContain('Sungai Cisadane');
    expect(await drawnNames(page, ['basemap-water'])).toContain('Situ Gede');
    expect(new Set(await drawnNames(page, ['basemap-pois']))).toEqual(new Set(['Pasar Anyar', 'SD Negeri Sukarasa 1', 'Masjid Al-Ikhlas']));
    // The boundary names are still drawn over the base map.
    expect(await drawnNames(page, ['kelurahan-label'])).toContain('Sukarasa');
    expect(refused).toEqual([]);

    // The online OpenStreetMap layer stays a choice, drawn instead of the self-hosted streets.
    await page.getByLabel('Peta dasar OSM (online)').check();
    const visibility = () => page.evaluate(() => window.__petawargaMap!.getLayoutProperty('basemap-roads', 'visibility'));
    expect(await visibility()).toBe('none');
    await eventually(async () => refused.some((url) => url.startsWith('https://tile.openstreetmap.org/')),
      { what: 'the online layer to ask for its tiles', timeoutMs: 10_000 });
    await page.getByLabel('Peta dasar OSM (online)').uncheck();
    expect(await visibility()).toBe('visible');
    await page.close();
  });

  it('draws the streets a resident has seen again when the phone has no connection', async () => {
    // The sample is imported by the test above.
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // A visit the service worker controls, which looks at the sample's streets.
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null && document.body.dataset.mapReady === '1',
      null, { timeout: 30_000 });
    const streetsDrawn = async () => {
      await lookAtSample(page);
      await eventually(async () => (await drawnNames(page, ['basemap-road-names'])).includes('Jalan Merdeka'),
        { what: 'the road names to be drawn', timeoutMs: 20_000 });
    };
    await streetsDrawn();

    await context.setOffline(true);
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.mapReady === '1', null, { timeout: 30_000 });
    await streetsDrawn();
    await context.close();
  });

  it('finds a street by name and moves the map to it', async () => {
    const { page, refused } = await offlinePage();
    await page.getByRole('searchbox', { name: 'Cari kelurahan, kecamatan, jalan atau tempat' }).fill('jl kisamaun');
    await page.getByRole('button', { name: /Jalan Kisamaun/ }).click();
    const view = await eventually(async () => {
      const v = await page.evaluate(() => {
        const map = window.__petawargaMap!;
        return { ...map.getCenter(), zoom: map.getZoom(), moving: map.isMoving() };
      });
      return !v.moving && v;
    }, { what: 'the map to stop at the street', timeoutMs: 10_000 });
    // Jalan Kisamaun runs from 106.624 to 106.634 along latitude -6.170.
    expect(view.lng).toBeCloseTo(106.629, 2);
    expect(view.lat).toBeCloseTo(-6.1705, 2);
    expect(view.zoom).toBeGreaterThan(15);
    expect(refused).toEqual([]);
    await page.close();
  });
});
