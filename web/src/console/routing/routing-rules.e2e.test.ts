import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../../server/src/db/database.ts';
import { createStaff } from '../../../../server/src/staff/create.ts';
import type { TestApp } from '../../../../server/src/test/app.ts';
import { serveForBrowser } from '../../test/served-app.ts';
import { signInThroughConsole } from '../../test/console-sign-in.ts';

// An admin uploads a road layer, drafts a rule "damaged roads within 40 m of it go to Dishub",
// previews it (the open report by the road would move), saves it, and a report filed afterwards
// through the public API is routed by it, as its desk page says.
const password = 'kata-sandi-uji-123';
// ~22 m north of the road below, in Kota Tangerang.
const byTheRoad = { lat: -6.1898, lon: 106.620 };
const road = {
  type: 'FeatureCollection',
  features: [{
    type: 'Feature', id: 'jalan-uji', properties: { name: 'Jalan Uji' },
    geometry: { type: 'LineString', coordinates: [[106.600, -6.190], [106.640, -6.190]] },
  }],
};
const ruleName = 'Jalan uji ke Dishub';

let t: TestApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  ({ t, base, browser } = await serveForBrowser());
  await createStaff(t.db, { email: 'admin@rules.test', name: 'Admin Aturan', role: 'admin', password });
  await createStaff(t.db, { email: 'moderator@rules.test', name: 'Moderator Aturan', role: 'moderator', password });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const fileReport = async () => {
  const res = await t.app.inject({
    method: 'POST', url: '/api/reports',
    payload: { ...byTheRoad, category: 'jalan_rusak', description: 'Jalan berlubang besar di tepi jalan uji' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().code as string;
};

/** An admin session for setting up through the API what the page then shows. */
async function adminHeaders() {
  const login = await t.app.inject({ method: 'POST', url: '/api/staff/login', payload: { email: 'admin@rules.test', password } });
  return { cookie: String(login.headers['set-cookie']).split(';')[0], 'x-csrf-token': login.json().csrf_token as string };
}

async function signInAs(email: string): Promise<Page> {
  return signInThroughConsole(await browser.newContext({ viewport: { width: 1280, height: 900 } }), base, { email, password });
}

describe('routing rules in the console, in Chromium', () => {
  it('lets an admin preview a draft rule, save it, and routes the next report by it', async () => {
    const before = await fileReport();
    const page = await signInAs('admin@rules.test');
    await page.getByRole('link', { name: 'Aturan rute' }).click();
    await page.getByRole('heading', { name: 'Aturan rute', level: 1 }).waitFor();

    await page.getByLabel('Berkas GeoJSON').setInputFiles({
      name: 'jalan-uji.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(road)),
    });
    await page.getByLabel('Nama lapisan').fill('jalan-uji');
    await page.getByLabel('Judul (opsional)').fill('Jalan Uji');
    await page.getByRole('button', { name: 'Unggah lapisan' }).click();
    await page.getByText('Lapisan Jalan Uji diimpor (1 fitur).').waitFor();

    await page.getByRole('button', { name: 'Aturan baru' }).click();
    const form = page.getByRole('form', { name: 'Aturan baru' });
    await form.getByLabel('Nama', { exact: true }).fill(ruleName);
    await form.getByLabel('Di mana').selectOption({ label: 'Dalam jarak tertentu dari lapisan' });
    await form.getByLabel('Lapisan', { exact: true }).selectOption({ label: 'Jalan Uji (1 fitur)' });
    await form.getByLabel('Jarak (meter)').fill('40');
    await form.getByLabel('Dinas penerima').selectOption({ label: 'Dinas Perhubungan Kota Tangerang' });
    await form.getByLabel('Jalan Rusak').check();
    await form.getByRole('button', { name: 'Pratinjau dampak' }).click();

    const moved = page.getByRole('list', { name: 'Laporan yang akan pindah meja' });
    await moved.getByText(before).waitFor();
    expect(await moved.textContent()).toContain(
      'dari Dinas Pekerjaan Umum dan Penataan Ruang Kota Tangerang ke Dinas Perhubungan Kota Tangerang');
    expect(await moved.textContent()).toMatch(/Jalan Rusak · Kelurahan [A-Z][a-z]+/);
    await page.getByText('Laporan yang akan pindah meja: 1 (1 masih terbuka; 1 masuk dalam 90 hari terakhir).').waitFor();
    // The report is drawn on the preview's map.
    await page.waitForSelector('body[data-map-ready="1"]', { timeout: 30_000 });
    await expect.poll(() => page.evaluate(() =>
      window.__petawargaMap?.queryRenderedFeatures({ layers: ['draft-moved-report-points'] }).map((f) => f.properties.code)),
    { timeout: 15_000 }).toEqual([before]);
    // A preview stores nothing.
    expect(await t.db.query(sql`SELECT id FROM routing_rules`)).toEqual([]);

    await form.getByRole('button', { name: 'Simpan aturan' }).click();
    const row = page.getByRole('row', { name: new RegExp(ruleName) }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('dalam 40 m dari Jalan Uji');
    expect(await row.textContent()).toContain('Dinas Perhubungan Kota Tangerang');
    const audit = page.getByRole('region', { name: 'Perubahan aturan' });
    await audit.getByText('Admin Aturan').waitFor();
    expect(await audit.textContent()).toContain(`dibuat: ${ruleName} · dalam 40 m dari Jalan Uji → Dinas Perhubungan Kota Tangerang`);

    // Saving moved no report already filed; moving the open ones is a step of its own.
    const stillAt = () => t.db.query(sql`SELECT department_code FROM reports WHERE code = ${before}`);
    expect(await stillAt()).toEqual([{ department_code: 'tgr-pupr' }]);
    await page.getByRole('button', { name: 'Pindahkan laporan terbuka sekarang' }).click();
    await page.getByText('Laporan terbuka dipindahkan: 1.').waitFor();
    expect(await stillAt()).toEqual([{ department_code: 'tgr-dishub' }]);

    const after = await fileReport();
    const [routed] = await t.db.query(sql`SELECT department_code FROM reports WHERE code = ${after}`);
    expect(routed).toEqual({ department_code: 'tgr-dishub' });
    await page.goto(`${base}/console/r/${after}`);
    const routing = page.getByRole('region', { name: 'Mengapa laporan sampai ke meja ini' });
    await routing.waitFor();
    await expect.poll(() => routing.textContent()).toContain(`Dinas Perhubungan Kota Tangerang: aturan rute "${ruleName}" (prioritas 100)`);
  }, 120_000);

  it('edits a rule with a preview of the edit, reorders and disables rules, auditing each change in words', async () => {
    const page = await signInAs('admin@rules.test');
    await page.goto(`${base}/console/routing`);
    await page.getByRole('button', { name: `Ubah aturan ${ruleName}` }).click();
    const form = page.getByRole('form', { name: `Ubah aturan “${ruleName}”` });
    // 10 m: the reports ~22 m from the road no longer qualify; the one the rule routed would go back.
    await form.getByLabel('Jarak (meter)').fill('10');
    await form.getByRole('button', { name: 'Pratinjau dampak' }).click();
    const moved = page.getByRole('list', { name: 'Laporan yang akan pindah meja' });
    await moved.waitFor();
    expect(await moved.textContent()).toContain(
      'dari Dinas Perhubungan Kota Tangerang ke Dinas Pekerjaan Umum dan Penataan Ruang Kota Tangerang');
    await form.getByRole('button', { name: 'Simpan perubahan' }).click();
    const audit = page.getByRole('region', { name: 'Perubahan aturan' });
    await audit.getByText('Syarat: dalam 40 m dari Jalan Uji → dalam 10 m dari Jalan Uji').waitFor();

    const other = await t.app.inject({
      method: 'POST', url: '/api/routing/rules', headers: await adminHeaders(),
      payload: { name: 'Aturan kedua', priority: 50, condition: { kind: 'in_kecamatan', codes: ['36.71.01'] }, department: 'tgr-dlh' },
    });
    expect(other.statusCode, other.body).toBe(201);
    await page.reload();
    const names = () => page.locator('.rule-table tbody th').allTextContents();
    await expect.poll(names).toEqual([ruleName, 'Aturan kedua']);
    await page.getByRole('button', { name: 'Naikkan aturan Aturan kedua' }).click();
    await expect.poll(names).toEqual(['Aturan kedua', ruleName]);
    await audit.getByText('Prioritas: 50 → 101').waitFor();

    await page.getByRole('button', { name: `Nonaktifkan aturan ${ruleName}` }).click();
    await page.getByRole('button', { name: `Aktifkan aturan ${ruleName}` }).waitFor();
    await audit.getByText('Keadaan: Aktif → Nonaktif').waitFor();
    const [rule] = await t.db.query(sql`SELECT is_active, distance_m FROM routing_rules WHERE name = ${ruleName}`);
    expect(rule).toEqual({ is_active: false, distance_m: 10 });
  }, 90_000);

  it('links the page for admins only; other staff read the rules and meet the API\'s refusals', async () => {
    await createStaff(t.db, { email: 'pupr@rules.test', name: 'Petugas PUPR', role: 'department_officer', departmentCode: 'tgr-pupr', password });
    const moderator = await signInAs('moderator@rules.test');
    await moderator.getByRole('link', { name: 'Moderasi' }).waitFor();
    expect(await moderator.getByRole('link', { name: 'Aturan rute' }).count()).toBe(0);

    const officer = await signInAs('pupr@rules.test');
    await officer.getByRole('link', { name: 'Kotak masuk' }).waitFor();
    expect(await officer.getByRole('link', { name: 'Aturan rute' }).count()).toBe(0);
    await officer.goto(`${base}/console/routing`);
    await officer.getByRole('row', { name: new RegExp(ruleName) }).waitFor();
    await officer.getByRole('region', { name: 'Perubahan aturan' }).getByText('Akun Anda tidak berwenang untuk tindakan ini.').waitFor();
    expect(await officer.getByRole('button', { name: 'Aturan baru' }).count()).toBe(0);
    expect(await officer.getByRole('button', { name: 'Unggah lapisan' }).count()).toBe(0);
  }, 60_000);
});
