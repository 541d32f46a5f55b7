import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { sql } from '../../../server/src/db/database.ts';
import type { TestApp } from '../../../server/src/test/app.ts';
import { eventually } from '../../../server/src/test/eventually.ts';
import { serveForBrowser } from '../test/served-app.ts';
import { cameraPhoto } from '../test/camera-photo.ts';

// The resident's phone in a real browser (360×740) against the real server and database: the
// position from the device, a phone-sized photo made small before it goes up, a report made
// with no connection that arrives once when the connection returns (even after a reload), a pin
// outside the cities refused before anything is sent, and the app opening offline from its
// service worker. Needs the built web app (npm test builds it).

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

// Kelurahan Sukarasa, Kota Tangerang; and Monas in Jakarta, outside both cities.
const sukarasa = { latitude: -6.17, longitude: 106.632, accuracy: 12 };
const jakarta = { latitude: -6.1754, longitude: 106.8272, accuracy: 20 };

function phone(position: typeof sukarasa): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true,
    geolocation: position, permissions: ['geolocation'],
  });
}

const reportPosts = (page: Page) => {
  const posts: Request[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/reports') posts.push(request);
  });
  return posts;
};

declare global {
  interface Window {
    /** The photos of each form sent, base64, as the page handed them to XMLHttpRequest. */
    __sentPhotos?: string[];
  }
}

/** Records the photo parts of every multipart body the page sends (the DevTools protocol omits file bodies). */
async function recordSentPhotos(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const send = XMLHttpRequest.prototype.send;
    window.__sentPhotos = [];
    XMLHttpRequest.prototype.send = function (body) {
      if (body instanceof FormData) {
        for (const photo of body.getAll('photos') as File[]) {
          void photo.arrayBuffer().then((bytes) => {
            let binary = '';
            new Uint8Array(bytes).forEach((b) => { binary += String.fromCharCode(b); });
            window.__sentPhotos!.push(btoa(binary));
          });
        }
      }
      return send.call(this, body);
    };
  });
}

async function openForm(page: Page): Promise<void> {
  await page.goto(`${base}/`);
  await page.getByRole('button', { name: 'Laporkan' }).click();
}

async function fillForm(page: Page, description: string): Promise<void> {
  await page.getByLabel('Kategori').selectOption('jalan_rusak');
  await page.getByLabel('Uraian masalah').fill(description);
}

async function reportsDescribed(description: string): Promise<number> {
  const [{ n }] = await t.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM reports WHERE description = ${description}`);
  return n;
}

describe('the resident app on a phone', () => {
  it('sends a report with the device position and a photo made small on the phone', async () => {
    const context = await phone(sukarasa);
    const page = await context.newPage();
    const posts = reportPosts(page);
    await recordSentPhotos(page);
    await openForm(page);
    await page.getByRole('button', { name: 'Gunakan lokasi saya' }).click();
    await page.getByText('akurasi ±12 m').waitFor();
    // The fix is drawn as the circle it may be anywhere in: 12 m either side of the pin.
    const circleWidthDegrees = await page.evaluate(() => {
      const ring = (window.__petawargaMap!.getSource('report-pin-accuracy')!.serialize() as { data: { coordinates: number[][][] } })
        .data.coordinates[0];
      const lons = ring.map(([lon]) => lon);
      return Math.max(...lons) - Math.min(...lons);
    });
    expect(circleWidthDegrees * 111_320 * Math.cos((sukarasa.latitude * Math.PI) / 180)).toBeCloseTo(24, 0);

    const original = await cameraPhoto();
    expect(original.length).toBeGreaterThan(1_000_000);
    await page.locator('#report-photos').setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: original });
    await page.locator('.photo-list li').waitFor();
    const description = 'Lubang besar di jalan, difoto dari ponsel warga';
    await fillForm(page, description);
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    const code = (await page.locator('.tracking-code strong').textContent({ timeout: 30_000 }))!.trim();

    // What went over the wire: one request whose photo part is small, upright and has no metadata.
    expect(posts).toHaveLength(1);
    const sentPhotos = await page.evaluate(() => window.__sentPhotos!);
    expect(sentPhotos).toHaveLength(1);
    const uploaded = Buffer.from(sentPhotos[0], 'base64');
    expect(uploaded.length).toBeLessThanOrEqual(300 * 1024);
    const sent = await sharp(uploaded).metadata();
    expect(Math.max(sent.width, sent.height)).toBeLessThanOrEqual(1600);
    expect(sent.height).toBeGreaterThan(sent.width); // turned upright on the phone
    expect(sent.exif).toBeUndefined(); // no GPS position, no camera model
    expect(sent.orientation).toBeUndefined();

    const [stored] = await t.db.query<{ accuracy_m: number; lon: number; lat: number; width: number; height: number; bytes: number }>(sql`
      SELECT r.accuracy_m, ST_X(r.location) AS lon, ST_Y(r.location) AS lat, p.width, p.height, p.bytes
      FROM reports r JOIN report_photos p ON p.report_id = r.id WHERE r.code = ${code}`);
    expect(stored.accuracy_m).toBe(12);
    expect(stored.lon).toBeCloseTo(sukarasa.longitude, 6);
    expect(stored.lat).toBeCloseTo(sukarasa.latitude, 6);
    // The server alone would have kept 1536×2048 (its limit is 2048 px).
    expect(Math.max(stored.width, stored.height)).toBeLessThanOrEqual(1600);
    await context.close();
  });

  it('shows the upload progress on a slow connection, cancels it, and sends once on retry', async () => {
    const context = await phone(sukarasa);
    const page = await context.newPage();
    await openForm(page);
    await page.getByRole('button', { name: 'Gunakan lokasi saya' }).click();
    await page.getByText('akurasi ±12 m').waitFor();
    await page.locator('#report-photos').setInputFiles({ name: 'IMG_0002.jpg', mimeType: 'image/jpeg', buffer: await cameraPhoto() });
    await page.locator('.photo-list li').waitFor();
    const description = `Trotoar ambles, dikirim lewat sambungan lambat ${Date.now()}`;
    await fillForm(page, description);

    // 8 kB/s up: the shrunk photo takes half a minute, long enough to watch and to cancel.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 8_000 });
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    const progress = page.locator('#report-upload-progress');
    await expect.poll(async () => Number(await progress.getAttribute('value')), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Batalkan pengiriman' }).click();
    await page.getByText('Pengiriman dibatalkan').waitFor();
    expect(await page.getByLabel('Uraian masalah').inputValue()).toBe(description);
    expect(await reportsDescribed(description)).toBe(0);

    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.locator('.tracking-code strong').waitFor({ timeout: 30_000 });
    expect(await reportsDescribed(description)).toBe(1);
    await context.close();
  });

  it('warns the moment the pin leaves the cities and sends nothing', async () => {
    const context = await phone(jakarta);
    const page = await context.newPage();
    const posts = reportPosts(page);
    await openForm(page);
    await page.getByRole('button', { name: 'Gunakan lokasi saya' }).click();
    const warning = page.getByText('Lokasi ini di luar Kota Tangerang dan Kota Tangerang Selatan', { exact: false }).first();
    await warning.waitFor();
    await fillForm(page, 'Laporan dari luar wilayah layanan, tidak boleh terkirim');
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.getByText('Ada isian yang perlu diperbaiki').waitFor();
    expect(await warning.isVisible()).toBe(true);
    expect(posts).toHaveLength(0);
    expect(await reportsDescribed('Laporan dari luar wilayah layanan, tidak boleh terkirim')).toBe(0);
    await context.close();
  });

  it('keeps a report made offline and sends it exactly once when the connection returns, across a reload', async () => {
    const context = await phone(sukarasa);
    const page = await context.newPage();
    await openForm(page);
    // The first visit installs the service worker, which then serves the app with no connection.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.getByRole('button', { name: 'Gunakan lokasi saya' }).click();
    await page.getByText('akurasi ±12 m').waitFor();
    const description = `Saluran air mampet, dilaporkan tanpa sinyal ${Date.now()}`;
    await fillForm(page, description);

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    await page.getByRole('heading', { name: 'Laporan menunggu dikirim' }).waitFor();
    expect(await reportsDescribed(description)).toBe(0);

    // Reloaded with no connection: the app opens from the service worker and still holds the report.
    await page.reload();
    await page.getByText('Laporan menunggu dikirim: 1').waitFor({ timeout: 30_000 });
    expect(await reportsDescribed(description)).toBe(0);

    await context.setOffline(false);
    await page.getByText(/Laporan TGR-[2-9A-Z]{6} sudah terkirim/).waitFor({ timeout: 30_000 });
    expect(await reportsDescribed(description)).toBe(1);

    // Nothing is left to send: another reload online sends nothing more.
    await page.reload();
    await page.getByRole('button', { name: 'Laporkan' }).waitFor();
    const queued = await page.evaluate(() => new Promise<number>((resolve, reject) => {
      const open = indexedDB.open('petawarga-reports');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const count = open.result.transaction('reports').objectStore('reports').index('state').count('queued');
        count.onsuccess = () => resolve(count.result);
      };
    }));
    expect(queued).toBe(0);
    expect(await reportsDescribed(description)).toBe(1);
    await context.close();
  });

  it('sends a report queued offline once the browser is started again', async () => {
    // A browser profile on disk, closed and opened again as a phone's browser is.
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'petawarga-phone-'));
    const startBrowser = () => chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true,
      geolocation: sukarasa, permissions: ['geolocation'],
    });
    try {
      const first = await startBrowser();
      const page = first.pages()[0] ?? await first.newPage();
      await openForm(page);
      await page.getByRole('button', { name: 'Gunakan lokasi saya' }).click();
      await page.getByText('akurasi ±12 m').waitFor();
      const description = `Pohon tumbang menutup jalan, dilaporkan sebelum ponsel dimatikan ${Date.now()}`;
      await fillForm(page, description);
      await first.setOffline(true);
      await page.getByRole('button', { name: 'Kirim laporan' }).click();
      await page.getByRole('heading', { name: 'Laporan menunggu dikirim' }).waitFor();
      await first.close();
      expect(await reportsDescribed(description)).toBe(0);

      const second = await startBrowser();
      const reopened = second.pages()[0] ?? await second.newPage();
      await reopened.goto(`${base}/`);
      await reopened.getByText(/Laporan TGR-[2-9A-Z]{6} sudah terkirim/).waitFor({ timeout: 30_000 });
      expect(await reportsDescribed(description)).toBe(1);
      await second.close();
    } finally {
      fs.rmSync(profile, { recursive: true, force: true });
    }
  });

  it('restores a half-typed report after a reload', async () => {
    const context = await phone(sukarasa);
    const page = await context.newPage();
    await openForm(page);
    await fillForm(page, 'Lampu jalan padam sejak kemarin');
    await eventually(async () => page.evaluate(() => new Promise<boolean>((resolve) => {
      const open = indexedDB.open('petawarga-reports');
      open.onsuccess = () => {
        const all = open.result.transaction('reports').objectStore('reports').getAll();
        all.onsuccess = () => resolve(all.result.some((r) => r.draft.description === 'Lampu jalan padam sejak kemarin'));
      };
    })), { what: 'the draft to be saved' });
    await page.reload();
    await page.getByRole('button', { name: 'Laporkan' }).click();
    await expect.poll(() => page.getByLabel('Uraian masalah').inputValue()).toBe('Lampu jalan padam sejak kemarin');
    expect(await page.getByLabel('Kategori').inputValue()).toBe('jalan_rusak');
    await context.close();
  });

  it('opens with no connection after a first visit', async () => {
    const context = await phone(sukarasa);
    const page = await context.newPage();
    await page.goto(`${base}/`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const sw = await page.request.get(`${base}/sw.js`);
    expect(sw.headers()['cache-control']).toBe('no-cache');
    expect(sw.headers()['content-security-policy']).toContain("manifest-src 'self'");
    const manifest = await page.request.get(`${base}/manifest.webmanifest`);
    expect((await manifest.json()).icons.length).toBeGreaterThan(0);

    await context.setOffline(true);
    await page.reload();
    // The categories (the legend and the form need them) come from the worker's cache.
    await page.getByRole('button', { name: 'Laporkan' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Laporkan' }).click();
    await page.getByLabel('Kategori').selectOption('jalan_rusak');
    // The kelurahan outlines too: their tiles are drawn from the worker's store.
    await page.waitForFunction(() => document.body.dataset.mapReady === '1', null, { timeout: 30_000 });
    await eventually(async () => page.evaluate(() =>
      window.__petawargaMap!.queryRenderedFeatures().some((f) => f.sourceLayer === 'kecamatan')), { what: 'the outlines drawn offline' });
    await context.close();
  });
});
