import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff } from '../../../../server/src/staff/create.ts';
import type { TestApp } from '../../../../server/src/test/app.ts';
import { serveForBrowser } from '../../test/served-app.ts';
import { signInThroughConsole } from '../../test/console-sign-in.ts';

// An admin issues an Open311 key in the console, an application files a report with it, the
// admin revokes it and the application is refused.
const password = 'kata-sandi-uji-123';

let t: TestApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  ({ t, base, browser } = await serveForBrowser());
  await createStaff(t.db, { email: 'admin@e2e.test', name: 'Admin Uji', role: 'admin', password });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const postWith = (apiKey: string) => t.app.inject({
  method: 'POST', url: '/open311/v2/requests.json',
  payload: { api_key: apiKey, service_code: 'sampah', lat: -6.17, long: 106.632, description: 'Sampah menumpuk di pinggir kali' },
});

describe('API keys in the console, in Chromium', () => {
  it('lets an admin issue a key shown once, and revoke it', async () => {
    const page = await signInThroughConsole(await browser.newContext(), base, { email: 'admin@e2e.test', password });
    await page.getByRole('link', { name: 'Kunci API' }).click();
    await page.getByRole('heading', { name: 'Kunci API (Open311)' }).waitFor();

    await page.getByLabel('Untuk siapa kunci ini').fill('Aplikasi Lapor RT');
    await page.getByRole('button', { name: 'Terbitkan kunci' }).click();
    const key = (await page.getByLabel('Kunci API baru').textContent())!;
    expect(key).toMatch(/^pw311_/);
    expect((await postWith(key)).statusCode).toBe(201);

    // Once the page is left, the key is gone from it; the list names the application only.
    await page.reload();
    const row = page.getByRole('row', { name: /Aplikasi Lapor RT/ });
    await row.waitFor();
    expect(await page.content()).not.toContain(key);
    await expect.poll(() => row.textContent()).toContain('Admin Uji');

    await page.getByRole('button', { name: 'Cabut kunci untuk Aplikasi Lapor RT' }).click();
    await row.getByText(/^Dicabut /).waitFor();
    expect((await postWith(key)).statusCode).toBe(403);
  });

  it('does not show the page\'s link to other staff', async () => {
    await createStaff(t.db, { email: 'moderator@e2e.test', name: 'Moderator Uji', role: 'moderator', password });
    const page = await signInThroughConsole(await browser.newContext(), base, { email: 'moderator@e2e.test', password });
    await page.getByRole('link', { name: 'Moderasi' }).waitFor();
    expect(await page.getByRole('link', { name: 'Kunci API' }).count()).toBe(0);
  });
});
