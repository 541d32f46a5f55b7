import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../../server/src/test/staff.ts';
import { createTestApp, type TestApp } from '../../server/src/test/app.ts';
import { launchChromium } from './test/browser.ts';

// Residents and staff write free text that other people's browsers display: descriptions,
// addresses, names, notes, public answers. Markup in any of them must show as text and never
// run, on the public report page and in the console. Each payload, if it ran, would record
// itself in window.__xss or open a dialog; both are watched.

const payloads = [
  `<img src=x onerror="window.__xss.push('img')">`,
  `<script>window.__xss.push('script')</script>`,
  `"><svg onload="window.__xss.push('svg')">`,
  `<iframe srcdoc="<script>parent.__xss.push('iframe')</script>"></iframe>`,
];
const hostile = payloads.join(' ');
const password = 'kata-sandi-uji-123';

let t: TestApp;
let browser: Browser;
let base: string;
let code: string;

beforeAll(async () => {
  t = await createTestApp();
  if (!fs.existsSync(`${t.app.config.webDistDir}/console.html`)) {
    throw new Error('web/dist has no console.html: build the web app first (npx tsx scripts/build-web.ts)');
  }
  const admin = await signIn(t.app, t.db, { role: 'admin', email: 'admin@hostile.test', password });
  const res = await t.app.inject({
    method: 'POST', url: '/api/reports',
    payload: {
      category: 'jalan_rusak', description: `Jalan berlubang di depan sekolah ${hostile}`, lat: -6.17, lon: 106.632,
      address: `Jl. Merdeka ${payloads[0]}`, reporter: { name: `Siti ${payloads[2]}`, phone: '+6281234567890' },
    },
  });
  expect(res.statusCode).toBe(201);
  code = res.json().code;
  // Markup may well be held by the screening; the point here is what a browser does once it is shown.
  if (res.json().status === 'submitted') {
    const published = await t.app.inject({ method: 'POST', url: `/api/reports/${code}/status`, headers: admin.headers, payload: { to: 'published' } });
    expect(published.statusCode).toBe(200);
  }
  const note = await t.app.inject({ method: 'POST', url: `/api/console/reports/${code}/notes`, headers: admin.headers, payload: { text: `Catatan ${hostile}` } });
  expect(note.statusCode).toBe(201);
  const resolved = await t.app.inject({
    method: 'POST', url: `/api/reports/${code}/status`, headers: admin.headers, payload: { to: 'resolved', response: `Sudah ditambal ${hostile}` },
  });
  expect(resolved.statusCode).toBe(200);
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/**
 * A fresh page whose every way of running a payload is recorded. `bypassCSP` turns the
 * Content-Security-Policy off, to see what the page's own rendering would let through.
 */
async function watchedPage(bypassCSP = false): Promise<{ page: Page; ran: () => Promise<string[]> }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, bypassCSP });
  await page.addInitScript(() => { (window as unknown as { __xss: string[] }).__xss = []; });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  const ran = async () => [...dialogs, ...await page.evaluate(() => (window as unknown as { __xss: string[] }).__xss)];
  return { page, ran };
}

/** Elements the payloads would have made had any of them been parsed as HTML. */
async function injectedElements(page: Page): Promise<number> {
  return await page.locator('img[src="x"], svg[onload], iframe').count() + await page.locator('script', { hasText: '__xss' }).count();
}

describe('text with markup in it', () => {
  // The pages below are checked with the Content-Security-Policy off: markup must show as text
  // because of how the pages render it, not only because the policy stops inline handlers.
  it('would be caught if it ran: the watch sees payloads parsed as HTML', async () => {
    const { page, ran } = await watchedPage(true);
    await page.goto(`${base}/r/${code}`);
    await page.locator('.report-details').waitFor({ timeout: 15_000 });
    await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), payloads[0] + payloads[2]);
    // An inserted <svg onload> does not fire in Chromium; the element itself gives it away.
    await page.waitForFunction(() => (window as unknown as { __xss: string[] }).__xss.length > 0);
    expect(await ran()).toEqual(['img']);
    expect(await injectedElements(page)).toBe(2);
    await page.close();
  });

  it('is stopped by the Content-Security-Policy too, were markup ever parsed', async () => {
    const { page, ran } = await watchedPage();
    await page.goto(`${base}/r/${code}`);
    await page.locator('.report-details').waitFor({ timeout: 15_000 });
    await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), payloads[0]);
    // A broken image is complete in the same task as its error event: its handler has had its chance.
    await page.waitForFunction(() => (document.querySelector('img[src="x"]') as HTMLImageElement | null)?.complete === true);
    expect(await ran()).toEqual([]);
    await page.close();
  });

  it('shows as text on the public report page, description and answer alike, and never runs', async () => {
    const { page, ran } = await watchedPage(true);
    await page.goto(`${base}/r/${code}`);
    const details = page.locator('.report-details');
    await details.waitFor({ timeout: 15_000 });
    await page.locator('.timeline-note').first().waitFor();
    const text = await details.innerText();
    for (const payload of payloads) expect(text).toContain(payload);
    expect(await injectedElements(page)).toBe(0);
    expect(await ran()).toEqual([]);
    // The private note and the reporter's name stay off the public page.
    expect(text).not.toContain('Catatan');
    expect(text).not.toContain('Siti');
    await page.close();
  });

  it('shows as text in the console: description, address, reporter, note and answer', async () => {
    const { page, ran } = await watchedPage(true);
    await page.goto(`${base}/console.html`);
    await page.getByLabel('Email').fill('admin@hostile.test');
    await page.getByLabel('Kata sandi').fill(password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('button', { name: 'Keluar' }).waitFor();
    await page.evaluate((p) => {
      window.history.pushState(null, '', p);
      window.dispatchEvent(new Event('petawarga:navigate'));
    }, `/console/r/${code}`);
    await page.getByText(`Catatan ${payloads[0]}`, { exact: false }).first().waitFor({ timeout: 15_000 });
    const text = await page.locator('body').innerText();
    expect(text).toContain(`Jalan berlubang di depan sekolah ${hostile}`);
    expect(text).toContain(`Jl. Merdeka ${payloads[0]}`);
    expect(text).toContain(`Siti ${payloads[2]}`);
    expect(text).toContain(`Catatan ${hostile}`);
    expect(text).toContain(`Sudah ditambal ${hostile}`);
    expect(await injectedElements(page)).toBe(0);
    expect(await ran()).toEqual([]);
    await page.close();
  });
});
