import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { sql } from '../../../server/src/db/database.ts';
import { createTestApp, type TestApp } from '../../../server/src/test/app.ts';
import { signIn, type SignedIn } from '../../../server/src/test/staff.ts';
import { launchChromium } from '../test/browser.ts';

// The resident's follow-up in a real browser on a phone-sized screen, against the real server
// and database: a similar report offered before sending and supported instead, "Laporan saya"
// with the fix confirmed or the report reopened, the tracking-code box, and a held report that
// only its sender can see. Needs the built web app (npm test builds it).

let t: TestApp;
let browser: Browser;
let base: string;
let officer: SignedIn;
const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
  browser = await launchChromium();
  officer = await signIn(t.app, t.db, { role: 'admin' });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const mapReady = (page: Page) => page.waitForFunction(() => document.body.dataset.mapReady === '1', null, { timeout: 30_000 });

async function sendByApi(category: string, lon: number, lat: number): Promise<{ code: string; token: string }> {
  const res = await t.app.inject({
    method: 'POST', url: '/api/reports',
    payload: { category, description: 'Sampah menumpuk di pinggir jalan dan berbau', lon, lat },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { code: res.json().code, token: res.json().resident_token };
}

async function resolve(code: string, response: string) {
  const res = await t.app.inject({
    method: 'POST', url: `/api/reports/${code}/status`, headers: officer.headers, payload: { to: 'resolved', response },
  });
  expect(res.statusCode, res.body).toBe(200);
}

const countReports = async () => (await t.db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM reports`))[0].n;

/** Opens the report form with the pin at the map's centre, placed at `lon`, `lat`. */
async function openFormAt(page: Page, lon: number, lat: number) {
  await page.goto(`${base}/`);
  await mapReady(page);
  await page.getByRole('button', { name: 'Laporkan' }).click();
  await page.getByRole('heading', { name: 'Laporkan masalah' }).waitFor();
  // After the sheet has opened: it pads the map, and the centre is that of the part left visible.
  await page.evaluate(([lo, la]) => window.__petawargaMap!.jumpTo({ center: [lo, la], zoom: 17 }), [lon, lat]);
  await page.getByRole('button', { name: 'Pakai titik tengah peta' }).click();
}

describe('following up reports in the browser (360×740)', () => {
  it('offers an open report of the same category nearby, on the map and in a list, and supports it instead of sending', async () => {
    // About 7.5 m east of where the pin will go.
    const existing = await sendByApi('sampah', 106.64007, -6.175);
    const page = await browser.newPage(phone);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openFormAt(page, 106.64, -6.175);
    await page.getByLabel('Kategori').selectOption('sampah');

    const list = page.locator('.nearby-reports');
    await list.getByText(existing.code).waitFor({ timeout: 15_000 });
    expect(await list.innerText()).toContain('±8 m dari pin');
    expect(await page.locator(`.nearby-marker[data-code="${existing.code}"]`).count()).toBe(1);

    const before = await countReports();
    await list.getByRole('button', { name: 'Saya juga mengalami ini' }).click();
    await list.getByText('Terima kasih, dukungan Anda tercatat').waitFor({ timeout: 10_000 });
    await list.getByText('Dukungan warga: 1').waitFor({ timeout: 10_000 });

    const [stored] = await t.db.query<{ support_count: number }>(sql`SELECT support_count FROM reports WHERE code = ${existing.code}`);
    expect(stored.support_count).toBe(1);
    expect(await countReports()).toBe(before);
    // Kept in "Laporan saya" as supported, without a sender's token.
    const kept = await page.evaluate(() => JSON.parse(localStorage.getItem('petawarga:my-reports') ?? '[]'));
    expect(kept).toEqual([expect.objectContaining({ code: existing.code, token: null })]);

    // Another category at the same place has no such report: the list goes away.
    await page.getByLabel('Kategori').selectOption('banjir');
    await list.waitFor({ state: 'detached', timeout: 10_000 });
    expect(await page.locator('.nearby-marker').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('confirms one fix and reopens another report from "Laporan saya"', async () => {
    const fixed = await sendByApi('drainase', 106.645, -6.176);
    const notFixed = await sendByApi('drainase', 106.646, -6.176);
    await resolve(fixed.code, 'Saluran sudah dikeruk petugas.');
    await resolve(notFixed.code, 'Saluran sudah dibersihkan.');

    const page = await browser.newPage(phone);
    await page.goto(`${base}/`);
    // What the form keeps after a submission (see the next test for the form itself).
    await page.evaluate((reports) => localStorage.setItem('petawarga:my-reports', JSON.stringify(reports)),
      [fixed, notFixed].map(({ code, token }) => ({ code, token, savedAt: new Date().toISOString() })));
    await page.getByRole('link', { name: 'Laporan saya' }).click();

    const fixedCard = page.locator('.my-report', { hasText: fixed.code });
    await fixedCard.locator('.department-response', { hasText: 'Saluran sudah dikeruk petugas.' }).waitFor({ timeout: 15_000 });
    expect(await fixedCard.innerText()).toContain('Sudah beres?');
    await fixedCard.getByRole('button', { name: 'Ya, sudah beres' }).click();
    await fixedCard.locator('.status-badge', { hasText: 'Ditutup' }).waitFor({ timeout: 10_000 });
    expect(await fixedCard.getByRole('button', { name: 'Ya, sudah beres' }).count()).toBe(0);

    const openCard = page.locator('.my-report', { hasText: notFixed.code });
    await openCard.getByRole('button', { name: 'Belum, buka kembali' }).click();
    await openCard.getByLabel('Apa yang masih bermasalah?').fill('Air masih menggenang setelah hujan kemarin');
    await openCard.getByRole('button', { name: 'Buka kembali laporan' }).click();
    await openCard.locator('.status-badge', { hasText: 'Diteruskan ke dinas' }).waitFor({ timeout: 10_000 });

    const statuses = await t.db.query<{ code: string; status: string }>(sql`
      SELECT code, status FROM reports WHERE code IN (${fixed.code}, ${notFixed.code}) ORDER BY code`);
    expect(Object.fromEntries(statuses.map((r) => [r.code, r.status]))).toEqual({ [fixed.code]: 'closed', [notFixed.code]: 'assigned' });
    const [event] = await t.db.query<{ kind: string; actor: string }>(sql`
      SELECT e.kind, e.actor FROM report_events e JOIN reports r ON r.id = e.report_id
      WHERE r.code = ${fixed.code} ORDER BY e.id DESC LIMIT 1`);
    expect(event).toEqual({ kind: 'confirmed_fixed', actor: 'resident' });
    await page.close();
  });

  it('lets the sender dispute a "no action needed" answer by reopening it, with no fix to confirm', async () => {
    const report = await sendByApi('drainase', 106.647, -6.176);
    const answer = 'Saluran sudah diperiksa dan airnya mengalir lancar; tidak ada yang perlu ditindaklanjuti.';
    const res = await t.app.inject({
      method: 'POST', url: `/api/reports/${report.code}/status`, headers: officer.headers,
      payload: { to: 'no_action_needed', response: answer },
    });
    expect(res.statusCode, res.body).toBe(200);

    const page = await browser.newPage(phone);
    await page.goto(`${base}/`);
    await page.evaluate((saved) => localStorage.setItem('petawarga:my-reports', JSON.stringify(saved)),
      [{ code: report.code, token: report.token, savedAt: new Date().toISOString() }]);
    await page.getByRole('link', { name: 'Laporan saya' }).click();
    const card = page.locator('.my-report', { hasText: report.code });
    await card.locator('.department-response', { hasText: answer }).waitFor({ timeout: 15_000 });
    await card.locator('.status-badge', { hasText: 'Tidak perlu tindakan' }).waitFor();
    expect(await card.getByRole('button', { name: 'Ya, sudah beres' }).count()).toBe(0);
    await card.getByRole('button', { name: 'Buka kembali', exact: true }).click();
    await card.getByLabel('Apa yang masih bermasalah?').fill('Saluran masih meluap setiap hujan deras');
    await card.getByRole('button', { name: 'Buka kembali laporan' }).click();
    await card.locator('.status-badge', { hasText: 'Diteruskan ke dinas' }).waitFor({ timeout: 10_000 });
    const [stored] = await t.db.query<{ status: string }>(sql`SELECT status FROM reports WHERE code = ${report.code}`);
    expect(stored.status).toBe('assigned');
    await page.close();
  });

  it('opens any report from the tracking-code box on the home screen', async () => {
    const report = await sendByApi('sampah', 106.65, -6.18);
    const page = await browser.newPage(phone);
    await page.goto(`${base}/`);
    await mapReady(page);
    // Typed as people type it: lower case, a space instead of the hyphen.
    await page.getByRole('textbox', { name: 'Lacak laporan dengan kode' }).fill(report.code.toLowerCase().replace('-', ' '));
    await page.getByRole('button', { name: 'Buka', exact: true }).click();
    await page.locator('.report-details').getByText(report.code).waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).pathname).toBe(`/r/${report.code}`);
    await page.close();
  });

  it('shows a held report to its sender as awaiting moderation, and to anyone else as not found', async () => {
    const page = await browser.newPage(phone);
    await openFormAt(page, 106.655, -6.185);
    await page.getByLabel('Kategori').selectOption('jalan_rusak');
    await page.getByLabel('Uraian masalah').fill('Jalan berlubang besar di depan pasar, berbahaya bagi motor');
    await page.getByRole('button', { name: 'Kirim laporan' }).click();
    const code = (await page.locator('.tracking-code strong').textContent({ timeout: 15_000 }))!.trim();
    // Held, as a moderator's queue holds a burst or a flagged report.
    await t.db.query(sql`UPDATE reports SET status = 'submitted' WHERE code = ${code}`);

    await page.goto(`${base}/r/${code}`);
    await page.locator('.report-details').getByText('Menunggu moderasi').waitFor({ timeout: 15_000 });
    await page.getByRole('link', { name: 'Laporan saya' }).click();
    await page.locator('.my-report', { hasText: code }).getByText('Menunggu moderasi').waitFor({ timeout: 15_000 });

    const visitor = await browser.newContext(phone);
    const anonymous = await visitor.newPage();
    await anonymous.goto(`${base}/r/${code}`);
    await anonymous.getByRole('heading', { name: 'Laporan tidak ditemukan' }).waitFor({ timeout: 15_000 });
    expect(await anonymous.locator('.report-details').count()).toBe(0);
    await visitor.close();

    // Rejected with a reason: the sender reads it, the public still sees nothing.
    const moderator = await signIn(t.app, t.db, { role: 'moderator' });
    const rejected = await t.app.inject({
      method: 'POST', url: `/api/reports/${code}/status`, headers: moderator.headers,
      payload: { to: 'rejected', reason: 'Lokasi berada di jalan tol, bukan kewenangan kota' },
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    await page.goto(`${base}/r/${code}`);
    const notice = page.locator('.report-details .sender-notice');
    await notice.getByText('Ditolak').waitFor({ timeout: 15_000 });
    expect(await notice.innerText()).toContain('Alasan: Lokasi berada di jalan tol, bukan kewenangan kota');
    await page.close();
  });
});
