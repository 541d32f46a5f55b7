import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../../server/src/db/database.ts';
import { createStaff } from '../../../../server/src/staff/create.ts';
import type { TestApp } from '../../../../server/src/test/app.ts';
import { serveForBrowser } from '../../test/served-app.ts';
import { signInThroughConsole } from '../../test/console-sign-in.ts';

// An admin writes a rule handing Kelurahan Sukasari's rubbish reports to Kelurahan Sukarasa's
// desk, previews it, saves it and moves the open report; Sukarasa's officer then finds the report
// in the inbox, with the reason, while the report still lies in Sukasari.
const password = 'kata-sandi-uji-123';
const ruleName = 'Sampah Sukasari ke meja Sukarasa';

let t: TestApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  ({ t, base, browser } = await serveForBrowser());
  await createStaff(t.db, { email: 'admin@desk.test', name: 'Admin Meja', role: 'admin', password });
  await createStaff(t.db, { email: 'sukarasa@desk.test', name: 'Petugas Sukarasa', role: 'kelurahan_officer', kelurahanCode: '36.71.01.1001', password });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const newPage = async (email: string) =>
  signInThroughConsole(await browser.newContext({ viewport: { width: 1280, height: 900 } }), base, { email, password });

describe('a rule for a kelurahan desk, in Chromium', () => {
  it('previews, saves and audits the rule, and the named desk finds the report with the reason', async () => {
    const [at] = await t.db.query<{ lon: number; lat: number }>(sql`
      SELECT ST_X(label_point) AS lon, ST_Y(label_point) AS lat FROM kelurahan WHERE code = '36.71.01.1007'`);
    const filed = await t.app.inject({ method: 'POST', url: '/api/reports', payload: { ...at, category: 'sampah', description: 'Sampah menumpuk di pinggir jalan' } });
    expect(filed.statusCode, filed.body).toBe(201);
    const code = filed.json().code as string;

    const page = await newPage('admin@desk.test');
    await page.goto(`${base}/console/routing`);
    await page.getByRole('button', { name: 'Aturan baru' }).click();
    const form = page.getByRole('form', { name: 'Aturan baru' });
    await form.getByLabel('Nama', { exact: true }).fill(ruleName);
    await form.getByLabel('Di mana').selectOption({ label: 'Di kelurahan' });
    await form.getByLabel('Kelurahan (pilih satu atau lebih)').selectOption({ label: 'Sukasari' });
    await form.getByLabel('Meja kelurahan penerima').selectOption({ label: 'Sukarasa' });
    await form.getByLabel('Sampah', { exact: true }).check();
    await form.getByRole('button', { name: 'Pratinjau dampak' }).click();
    const moved = page.getByRole('list', { name: 'Laporan yang akan pindah meja' });
    await moved.getByText(code).waitFor();
    expect(await moved.textContent()).toContain('meja kelurahan: dari Sukasari ke Sukarasa');

    await form.getByRole('button', { name: 'Simpan aturan' }).click();
    const row = page.getByRole('row', { name: new RegExp(ruleName) }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('Dinas biasa kategori + meja Kelurahan Sukarasa');
    const audit = page.getByRole('region', { name: 'Perubahan aturan' });
    await audit.getByText(`dibuat: ${ruleName} · di kelurahan Sukasari → Dinas biasa kategori + meja Kelurahan Sukarasa`).waitFor();
    await page.getByRole('button', { name: 'Pindahkan laporan terbuka sekarang' }).click();
    await page.getByText('Laporan terbuka dipindahkan: 1.').waitFor();

    const desk = await newPage('sukarasa@desk.test');
    await desk.getByRole('link', { name: code }).waitFor();
    await desk.goto(`${base}/console/r/${code}`);
    const routing = desk.getByRole('region', { name: 'Mengapa laporan sampai ke meja ini' });
    await routing.waitFor();
    await expect.poll(() => routing.textContent()).toContain(
      'Meja Kelurahan Sukarasa menangani laporan ini menurut aturan rute; laporan tetap tercatat di Kelurahan Sukasari, tempatnya.');
    const [stored] = await t.db.query(sql`SELECT kelurahan_code, handling_kelurahan_code FROM reports WHERE code = ${code}`);
    expect(stored).toEqual({ kelurahan_code: '36.71.01.1007', handling_kelurahan_code: '36.71.01.1001' });
  }, 120_000);
});
