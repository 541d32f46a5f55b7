import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../../server/src/db/database.ts';
import { importSampleBasemap } from '../../../../server/src/basemap/sample.ts';
import { createStaff } from '../../../../server/src/staff/create.ts';
import type { TestApp } from '../../../../server/src/test/app.ts';
import { describeNeeding, osmium } from '../../../../server/src/test/requirements.ts';
import { serveForBrowser } from '../../test/served-app.ts';
import { signInThroughConsole } from '../../test/console-sign-in.ts';

// An admin makes a routing layer of Jalan Daan Mogot from the installed (sample) base map, and
// previews a draft rule "damaged roads within 40 m of it go to Dishub": the open report by the
// road would move.
const password = 'kata-sandi-uji-123';
// ~22 m north of Jalan Daan Mogot in the sample extract (server/src/basemap/sample-extract.ts).
const byDaanMogot = { lat: -6.1660, lon: 106.6200 };

let t: TestApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  ({ t, base, browser } = await serveForBrowser());
  await createStaff(t.db, { email: 'admin@basemap.test', name: 'Admin Peta Dasar', role: 'admin', password });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describeNeeding([[osmium, 'the sample base map is imported with osmium-tool']], 'a routing layer from the base map, in Chromium', () => {
  it('says no base map is installed, then makes a layer of one named road and previews a rule with it', async () => {
    const filed = await t.app.inject({
      method: 'POST', url: '/api/reports',
      payload: { ...byDaanMogot, category: 'jalan_rusak', description: 'Jalan berlubang di tepi Jalan Daan Mogot' },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const code = filed.json().code as string;

    const page = await signInThroughConsole(await browser.newContext({ viewport: { width: 1280, height: 900 } }), base,
      { email: 'admin@basemap.test', password });
    await page.goto(`${base}/console/routing`);
    const fromBasemap = page.getByRole('region', { name: 'Dari peta dasar' });
    await fromBasemap.getByText('Belum ada peta dasar terpasang').waitFor();

    await t.db.transaction((tx) => importSampleBasemap(tx));
    await page.reload();
    const kind = fromBasemap.getByLabel('Fitur peta dasar');
    await kind.waitFor();
    // Only what the base map holds is offered, with its count.
    const offered = await kind.locator('option').allTextContents();
    expect(offered).toContain('Jalan utama (2 fitur)');
    expect(offered).toContain('Pasar (1 fitur)');
    expect(offered.some((o) => o.startsWith('Kanal'))).toBe(false);

    await kind.selectOption({ label: 'Jalan utama (2 fitur)' });
    await fromBasemap.getByLabel('Nama memuat (opsional)').fill('Daan Mogot');
    await fromBasemap.getByLabel('Nama lapisan').fill('jalan-daan-mogot');
    await fromBasemap.getByRole('button', { name: 'Buat lapisan dari peta dasar' }).click();
    await fromBasemap.getByText('Lapisan Jalan utama: Daan Mogot dibuat dari peta dasar (1 fitur).').waitFor();
    const [layer] = await t.db.query(sql`
      SELECT l.title, f.feature_key FROM layers l JOIN layer_features f ON f.layer_id = l.id WHERE l.name = 'jalan-daan-mogot'`);
    expect(layer).toEqual({ title: 'Jalan utama: Daan Mogot', feature_key: 'way/1001' });

    await page.getByRole('button', { name: 'Aturan baru' }).click();
    const form = page.getByRole('form', { name: 'Aturan baru' });
    await form.getByLabel('Nama', { exact: true }).fill('Daan Mogot ke Dishub');
    await form.getByLabel('Di mana').selectOption({ label: 'Dalam jarak tertentu dari lapisan' });
    await form.getByLabel('Lapisan', { exact: true }).selectOption({ label: 'Jalan utama: Daan Mogot (1 fitur)' });
    await form.getByLabel('Jarak (meter)').fill('40');
    await form.getByLabel('Dinas penerima').selectOption({ label: 'Dinas Perhubungan Kota Tangerang' });
    await form.getByLabel('Jalan Rusak').check();
    await form.getByRole('button', { name: 'Pratinjau dampak' }).click();
    const moved = page.getByRole('list', { name: 'Laporan yang akan pindah meja' });
    await moved.getByText(code).waitFor();
    expect(await moved.textContent()).toContain('ke Dinas Perhubungan Kota Tangerang');
  }, 120_000);
});
