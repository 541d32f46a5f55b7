import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../server/src/test/app.ts';
import { launchChromium } from '../test/browser.ts';
import { serviceAreaBounds } from './service-area.ts';

// The public map's first view in Chromium: category symbols are the app's own SVG images (no
// emoji font needed), and both cities are on screen, clear of the legend, on a phone and a desk.
let t: TestApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

interface Box { left: number; top: number; right: number; bottom: number }

/** The two cities' bounding box on screen, the map's box, and the legend's box. */
function boxes(page: Page) {
  return page.evaluate((bbox) => {
    const map = window.__petawargaMap!;
    const canvas = map.getCanvas().getBoundingClientRect();
    const sw = map.project([bbox[0], bbox[1]]);
    const ne = map.project([bbox[2], bbox[3]]);
    const legend = document.querySelector('.map-options')!.getBoundingClientRect();
    const plain = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    return {
      cities: { left: canvas.left + sw.x, bottom: canvas.top + sw.y, right: canvas.left + ne.x, top: canvas.top + ne.y },
      canvas: plain(canvas),
      legend: plain(legend),
    };
  }, serviceAreaBounds);
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('the public map in Chromium', () => {
  for (const viewport of [{ width: 360, height: 740 }, { width: 1280, height: 800 }]) {
    it(`draws category symbols from its own images and shows both cities beside the legend at ${viewport.width} px`, async () => {
      const page = await browser.newPage({ viewport });
      await page.goto(`${base}/`);
      await page.waitForSelector('body[data-map-ready="1"]', { timeout: 30_000 });
      const codes = (await (await fetch(`${base}/api/categories`)).json()).categories.map((c: { code: string }) => c.code);
      expect(codes.length).toBeGreaterThan(5);
      await expect.poll(() => page.evaluate((all: string[]) =>
        all.filter((code) => !window.__petawargaMap!.hasImage(`category-${code}`)), codes)).toEqual([]);
      const layout = await page.evaluate(() => window.__petawargaMap!.getLayoutProperty('report-points', 'icon-image'));
      expect(JSON.stringify(layout)).toContain('category-');

      const { cities, canvas, legend } = await boxes(page);
      expect(cities.left).toBeGreaterThanOrEqual(canvas.left);
      expect(cities.right).toBeLessThanOrEqual(canvas.right);
      expect(cities.top).toBeGreaterThanOrEqual(canvas.top);
      expect(cities.bottom).toBeLessThanOrEqual(canvas.bottom);
      expect(overlaps(cities, legend), JSON.stringify({ cities, legend })).toBe(false);

      // The header's subtitle whole, not cut to "Tangera…".
      const tagline = await page.evaluate(() => {
        const text = document.querySelector('.brand-tagline')!;
        const header = document.querySelector('.app-header')!.getBoundingClientRect();
        const own = text.getBoundingClientRect();
        return { overflows: text.scrollWidth > text.clientWidth, inside: own.top >= header.top && own.bottom <= header.bottom };
      });
      expect(tagline).toEqual({ overflows: false, inside: true });
      await page.close();
    }, 60_000);
  }
});
