import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff } from '../../../server/src/staff/create.ts';
import { sql } from '../../../server/src/db/database.ts';
import type { TestApp } from '../../../server/src/test/app.ts';
import { serveForBrowser } from '../test/served-app.ts';
import { signInThroughConsole } from '../test/console-sign-in.ts';

// The whole desk in a real browser against the real server: a moderator clears a held report,
// the department assigns it, answers, proves the fix with a photo and resolves it; the resident's
// public page shows the answer; another department's officer cannot open it.
const shots = path.join(os.tmpdir(), 'petawarga-console-e2e');
const password = 'kata-sandi-uji-123';
const inSukarasa = { lon: 106.63172, lat: -6.17188 };

let t: TestApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  ({ t, base, browser } = await serveForBrowser());
  await createStaff(t.db, { email: 'moderator@e2e.test', name: 'Moderator Uji', role: 'moderator', password });
  await createStaff(t.db, { email: 'pupr@e2e.test', name: 'Petugas PUPR', role: 'department_officer', departmentCode: 'tgr-pupr', password });
  await createStaff(t.db, { email: 'planner@e2e.test', name: 'Perencana Uji', role: 'planner', password });
  await createStaff(t.db, { email: 'dlh@e2e.test', name: 'Petugas DLH', role: 'department_officer', departmentCode: 'tgr-dlh', password });
  fs.mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

/** A browser of its own for one staff member, signed in through the console's form. */
async function signedIn(email: string): Promise<Page> {
  return signInThroughConsole(await browser.newContext({ viewport: { width: 1400, height: 950 } }), base, { email, password });
}

/** Follows a console path without reloading, as a click on one of its links would. */
async function goTo(page: Page, consolePath: string) {
  await page.evaluate((p) => {
    window.history.pushState(null, '', p);
    window.dispatchEvent(new Event('petawarga:navigate'));
  }, consolePath);
}

const statusOf = async (code: string) => (await t.app.inject({ method: 'GET', url: `/api/reports/${code}` })).json().status;

describe('the operator console in Chromium', () => {
  let code: string;

  it('lets a moderator edit the abuse out of a held report and publish it', async () => {
    const held = await t.app.inject({
      method: 'POST', url: '/api/reports',
      payload: { category: 'jalan_rusak', description: 'Dasar pejabat goblok, jalan berlubang di depan pasar dibiarkan', ...inSukarasa },
    });
    code = held.json().code;
    expect(held.json().status).toBe('submitted');

    const page = await signedIn('moderator@e2e.test');
    await page.getByRole('link', { name: 'Moderasi' }).click();
    const item = page.getByRole('listitem').filter({ hasText: code });
    await item.getByText('Kata kasar').waitFor();
    // places and the department by name, not by code
    const [names] = await t.db.query<{ kelurahan: string; department: string; department_code: string }>(sql`
      SELECT k.name AS kelurahan, d.name AS department, d.code AS department_code FROM reports r
      JOIN kelurahan k ON k.code = r.kelurahan_code JOIN departments d ON d.code = r.department_code
      WHERE r.code = ${code}`);
    const itemText = await item.innerText();
    expect(itemText).toContain(names.kelurahan);
    expect(itemText).toContain(names.department);
    expect(itemText).not.toContain(names.department_code);
    await page.screenshot({ path: path.join(shots, '1-moderation-queue.png'), fullPage: true });

    await item.getByRole('button', { name: 'Sunting uraian' }).click();
    await item.getByLabel('Uraian (hapus data pribadi)').fill('Jalan berlubang di depan pasar dibiarkan');
    await item.getByLabel('Alasan penyuntingan').fill('Kata kasar dihapus');
    await item.getByRole('button', { name: 'Simpan suntingan' }).click();
    await page.getByText(`Uraian ${code} disunting.`).waitFor();
    const edited = page.getByRole('listitem').filter({ hasText: code });
    await edited.getByRole('button', { name: 'Setujui & publikasikan' }).click();
    await page.getByText(`${code} dipublikasikan.`).waitFor();
    expect(await statusOf(code)).toBe('published');
    await page.context().close();
  });

  it('lets the department assign it from the inbox, note, prove and resolve it, and the public page shows the answer', async () => {
    const page = await signedIn('pupr@e2e.test');
    const row = page.locator(`tr[data-code="${code}"]`);
    await row.waitFor();
    await page.waitForSelector('body[data-map-ready="1"]');
    await page.screenshot({ path: path.join(shots, '2-inbox.png'), fullPage: true });

    await row.getByRole('checkbox', { name: `Pilih laporan ${code}` }).check();
    await page.getByLabel('Keterangan untuk warga (opsional)').fill('Diteruskan ke tim jalan');
    await page.getByRole('button', { name: 'Tugaskan yang dipilih' }).click();
    await page.getByText('1 laporan ditugaskan.').waitFor();
    expect(await statusOf(code)).toBe('assigned');

    await row.getByRole('link', { name: code }).click();
    await page.getByRole('heading', { name: 'Ubah status' }).waitFor();
    // The routing explanation stores codes; the desk reads names.
    const routing = page.locator('section[aria-labelledby="routing-title"]');
    await routing.getByText('Titik laporan berada di dalam Kelurahan Sukarasa.').waitFor();
    await routing.getByText('Jalan Rusak', { exact: false }).waitFor();
    expect(await routing.textContent()).not.toMatch(/36\.71\.|tgr-/);
    await page.getByLabel('Catatan baru').fill('Tim B cek lokasi besok pagi');
    await page.getByRole('button', { name: 'Tambah catatan' }).click();
    await page.locator('.notes').getByText('Tim B cek lokasi besok pagi').waitFor();

    const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#6b7280' } })
      .jpeg().withExif({ IFD0: { Copyright: 'hp-petugas' } }).toBuffer();
    await page.getByLabel('Pilih foto sesudah perbaikan (paling banyak 3)').setInputFiles({ name: 'sesudah.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.getByRole('button', { name: 'Unggah foto' }).click();
    await page.getByText('1 foto diunggah.').waitFor();
    await page.locator('img[data-kind="after"]').waitFor();

    await page.getByLabel('Ke: Selesai ditangani').check();
    const response = 'Lubang sudah ditambal aspal pada 12 Mei. Terima kasih atas laporannya.';
    await page.getByLabel('Tanggapan untuk warga (tampil di halaman publik)').fill(response);
    await page.getByRole('button', { name: 'Ubah ke "Selesai ditangani"' }).click();
    await page.getByText('Status diubah ke "Selesai ditangani".').waitFor();
    await page.locator('.public-response').getByText(response).waitFor();
    await page.screenshot({ path: path.join(shots, '3-report-resolved.png'), fullPage: true });
    expect(await statusOf(code)).toBe('resolved');

    await page.goto(`${base}/r/${code}`);
    await page.getByText(response).waitFor();
    await page.screenshot({ path: path.join(shots, '4-public-page.png'), fullPage: true });
    expect(await page.getByText('Tim B cek lokasi').count()).toBe(0);
    await page.context().close();
  });

  it('lets the department refer a report to the agency responsible, and the public timeline names it', async () => {
    const filed = await t.app.inject({
      method: 'POST', url: '/api/reports',
      payload: { category: 'jalan_rusak', description: 'Jalan nasional Daan Mogot berlubang besar dekat halte', ...inSukarasa },
    });
    const referred = filed.json().code;
    expect(filed.json().status).toBe('published');

    const page = await signedIn('pupr@e2e.test');
    await goTo(page, `/console/r/${referred}`);
    await page.getByRole('heading', { name: 'Ubah status' }).waitFor();
    await page.getByLabel('Ke: Dirujuk ke instansi lain').check();
    const apply = page.getByRole('button', { name: 'Ubah ke "Dirujuk ke instansi lain"' });
    const explanation = 'Jalan Daan Mogot adalah jalan nasional; laporan ini kami teruskan ke BPJN Banten yang memeliharanya.';
    await page.getByLabel('Penjelasan untuk warga (tampil di halaman publik)').fill(explanation);
    // Without the agency's name the change cannot be sent.
    expect(await apply.isDisabled()).toBe(true);
    await page.getByLabel('Instansi tujuan rujukan (tampil di halaman publik)').fill('BPJN Banten, Kementerian PU');
    await apply.click();
    await page.getByText('Status diubah ke "Dirujuk ke instansi lain".').waitFor();
    await page.locator('.public-response').getByText(explanation).waitFor();
    expect(await statusOf(referred)).toBe('referred');

    await page.goto(`${base}/r/${referred}`);
    const timeline = page.locator('ol.timeline');
    await timeline.getByText('Dirujuk ke: BPJN Banten, Kementerian PU').waitFor();
    await timeline.getByText(explanation).waitFor();
    await timeline.getByText('Status berubah · Dirujuk ke instansi lain').waitFor();
    await page.locator('.status-badge.status-referred').getByText('Dirujuk ke instansi lain').waitFor();
    await page.screenshot({ path: path.join(shots, '4b-public-page-referred.png'), fullPage: true });
    await page.context().close();
  });

  it('files a walk-in report found by kelurahan name and prints its receipt', async () => {
    const page = await signedIn('pupr@e2e.test');
    await page.getByRole('link', { name: 'Ruang Rakyat' }).click();
    await page.getByRole('radio', { name: 'Datang langsung' }).check();
    await page.getByLabel('Kategori').selectOption('drainase');
    await page.getByLabel('Uraian masalah (sesuai keterangan warga)').fill('Saluran air tersumbat sampah di gang tiga');
    await page.getByLabel('Cari kelurahan').fill('sukarsa');
    await page.getByRole('button', { name: /^Sukarasa, Kec\. Tangerang/ }).click();
    await page.getByText('Kelurahan Sukarasa (titik perkiraan)').waitFor();
    await page.getByLabel('Nama').fill('Bu Ani');
    await page.getByRole('button', { name: 'Catat laporan' }).click();
    await page.getByRole('link', { name: 'Cetak tanda terima' }).click();
    const printed = await page.getByTestId('receipt-code').textContent();
    expect(printed).toMatch(/^TGR-[A-Z0-9]{6}$/);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: path.join(shots, '5-receipt-print.png'), fullPage: true });
    expect(await page.getByText('Bu Ani').count()).toBe(0);
    await page.context().close();
  });

  it('shows another department\'s officer neither the report in the inbox nor its page', async () => {
    const page = await signedIn('dlh@e2e.test');
    await page.getByRole('heading', { name: 'Kotak masuk' }).waitFor();
    // Resolved reports too: the report is resolved by now, and the desk must not see it in any status.
    await page.getByRole('checkbox', { name: 'Selesai ditangani' }).check();
    await page.locator('.report-table, .inbox-list >> text=Tidak ada laporan').first().waitFor();
    expect(await page.locator(`tr[data-code="${code}"]`).count()).toBe(0);
    await goTo(page, `/console/r/${code}`);
    await page.getByRole('alert').getByText(`Laporan ${code} tidak ditemukan.`).waitFor();
    await page.screenshot({ path: path.join(shots, '6-other-department.png') });
    await page.context().close();
  });

  it('takes a planner who signs in at /console to the analytics, which says they are open data', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 950 } });
    const page = await context.newPage();
    await page.goto(`${base}/console`);
    await page.getByLabel('Email').fill('planner@e2e.test');
    await page.getByLabel('Kata sandi').fill(password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(`${base}/analytics`);
    await page.getByTestId('open-data-note').getByText('Data terbuka').waitFor();
    // back at the console, the planner finds the way to the analytics rather than a refusal
    await page.goto(`${base}/console`);
    await page.getByTestId('planner-home').getByRole('link', { name: 'Buka analitik laporan' }).waitFor();
    expect(await page.getByText('Akun Anda tidak berwenang').count()).toBe(0);
    await context.close();
  });
});
