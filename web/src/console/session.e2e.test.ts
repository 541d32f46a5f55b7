import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff } from '../../../server/src/staff/create.ts';
import { createTestApp, type TestApp } from '../../../server/src/test/app.ts';
import { launchChromium } from '../test/browser.ts';

// The session's CSRF token in a real browser: never written to storage a later script could read,
// yet still at hand after a reload, where the next write (signing out) needs it.
const password = 'kata-sandi-uji-123';
let t: TestApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  t = await createTestApp();
  await createStaff(t.db, { email: 'petugas@session.test', name: 'Petugas', role: 'moderator', password });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe('the console session in Chromium', () => {
  it('keeps the CSRF token out of localStorage, sessionStorage and cookies, and signs out after a reload', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/console`);
    await page.getByLabel('Email').fill('petugas@session.test');
    await page.getByLabel('Kata sandi').fill(password);
    const login = page.waitForResponse((r) => r.url().endsWith('/api/staff/login'));
    await page.getByRole('button', { name: 'Masuk' }).click();
    const token: string = (await (await login).json()).csrf_token;
    await page.getByRole('button', { name: 'Keluar' }).waitFor();

    const stored = () => page.evaluate(() => [
      ...Object.keys(localStorage).map((key) => localStorage.getItem(key)),
      ...Object.keys(sessionStorage).map((key) => sessionStorage.getItem(key)),
      document.cookie,
    ].join('\n'));
    expect(token.length).toBeGreaterThan(20);
    expect(await stored()).not.toContain(token);
    const cookies = await context.cookies();
    expect(cookies.map((c) => c.value)).not.toContain(token);
    const session = cookies.find((c) => c.name === 'pw_session')!;
    expect(session.httpOnly).toBe(true);

    // After a reload the page asks the server for the token again, and signing out (a write
    // that needs it) ends the session on the server.
    await page.reload();
    await page.getByRole('button', { name: 'Keluar' }).waitFor();
    expect(await stored()).not.toContain(token);
    const logout = page.waitForResponse((r) => r.url().endsWith('/api/staff/logout'));
    await page.getByRole('button', { name: 'Keluar' }).click();
    expect((await logout).status()).toBe(204);
    await page.getByRole('button', { name: 'Masuk' }).waitFor();
    const me = await t.app.inject({ method: 'GET', url: '/api/staff/me', headers: { cookie: `pw_session=${session.value}` } });
    expect(me.statusCode).toBe(401);
  });
});
