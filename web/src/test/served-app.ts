import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { Config } from '../../../server/src/config.ts';
import { createTestApp, type TestApp } from '../../../server/src/test/app.ts';
import { launchChromium } from './browser.ts';

/**
 * The start of a browser test: a test app (a database of its own) listening on a free local
 * port and serving the built web app, and Debian's Chromium to drive it. Close both in afterAll.
 */
export async function serveForBrowser(overrides: Partial<Config> = {}): Promise<{ t: TestApp; base: string; browser: Browser }> {
  const t = await createTestApp(overrides);
  if (!fs.existsSync(path.join(t.app.config.webDistDir, 'console.html'))) {
    await t.close();
    throw new Error('web/dist has no built app: build the web app first (npx tsx scripts/build-web.ts)');
  }
  const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  return { t, base, browser: await launchChromium() };
}
