import type { BrowserContext, Page } from 'playwright-core';

/**
 * A new page of the console in `context`, signed in through the console's own form as a staff
 * member would, once its header offers to sign out. The entry file itself is opened, so the
 * console works whether or not the server maps /console to it. Errors thrown in the page are
 * printed, as a failing test then tells why.
 */
export async function signInThroughConsole(context: BrowserContext, base: string, who: { email: string; password: string }): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[browser] ${error.message}`));
  await page.goto(`${base}/console.html`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Kata sandi').fill(who.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('button', { name: 'Keluar' }).waitFor();
  return page;
}
