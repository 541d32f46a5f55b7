import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../../server/src/db/database.ts';
import { escalationQueue } from '../../../../server/src/escalation/job.ts';
import { startJobs, stopJobs } from '../../../../server/src/jobs/runner.ts';
import { createMailer, type Mailer } from '../../../../server/src/notifications/mailer.ts';
import { notificationQueues } from '../../../../server/src/notifications/queues.ts';
import { startTestSmtp, type TestSmtp } from '../../../../server/src/notifications/test-smtp.ts';
import { createStaff } from '../../../../server/src/staff/create.ts';
import { createTestApp, type TestApp } from '../../../../server/src/test/app.ts';
import { eventually } from '../../../../server/src/test/eventually.ts';
import { launchChromium } from '../../test/browser.ts';
import { signInThroughConsole } from '../../test/console-sign-in.ts';
import { seriousViolations } from '../../test/serious-violations.ts';

// Overdue work reaches someone, in a real browser against the real server and a real SMTP
// server: an admin names the supervisor of a department in the console, one of its reports goes
// past its deadline, the escalation job e-mails the supervisor, and the public page says overdue.
const shots = path.join(os.tmpdir(), 'petawarga-overdue-e2e');
const password = 'kata-sandi-uji-123';
const supervisor = 'kabid.kebersihan@tangerangkota.example';
const lurah = 'lurah.sukarasa@tangerangkota.example';
const inSukarasa = { lon: 106.63172, lat: -6.17188 };

let t: TestApp;
let smtp: TestSmtp;
let mailer: Mailer;
let browser: Browser;
let base: string;

beforeAll(async () => {
  t = await createTestApp({ publicBaseUrl: 'https://petawarga.example' });
  smtp = await startTestSmtp();
  mailer = createMailer({ smtpUrl: smtp.url, mailFrom: 'PetaWarga <noreply@petawarga.example>' })!;
  await startJobs(t.db, { databaseUrl: t.url }, [
    ...notificationQueues({ db: t.db, publicBaseUrl: 'https://petawarga.example', mailer }),
    escalationQueue(t.db),
  ], { pollingIntervalSeconds: 0.5 });
  await createStaff(t.db, { email: 'admin@e2e.test', name: 'Admin Uji', role: 'admin', password });
  base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  browser = await launchChromium();
  fs.mkdirSync(shots, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await stopJobs(t.db);
  mailer?.close();
  await smtp?.close();
  await t?.close();
});

async function signedInAdmin(): Promise<Page> {
  return signInThroughConsole(await browser.newContext({ viewport: { width: 1280, height: 900 } }), base, { email: 'admin@e2e.test', password });
}

describe('an overdue report in Chromium', () => {
  it("reaches the department's and kelurahan's supervisors an admin set in the console, and is marked overdue on its public page", async () => {
    const submitted = await t.app.inject({
      method: 'POST', url: '/api/reports',
      payload: { category: 'sampah', description: 'Sampah menumpuk di pinggir jalan sejak seminggu', ...inSukarasa },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const { code, department } = submitted.json() as { code: string; department: { code: string; name: string } };

    // The admin sets the supervisor of the report's department, found by its name.
    const page = await signedInAdmin();
    await page.getByRole('link', { name: 'Pengawas' }).click();
    await page.getByRole('heading', { name: 'Kontak pengawas' }).waitFor();
    // exact: Kota Tangerang's department is not Kota Tangerang Selatan's
    const email = page.getByLabel(`E-mail pengawas ${department.name}`, { exact: true });
    const save = page.getByRole('button', { name: `Simpan pengawas ${department.name}`, exact: true });
    const row = page.getByRole('row').filter({ has: email });
    await email.fill(supervisor);
    await save.click();
    await row.getByRole('status').filter({ hasText: 'Tersimpan.' }).waitFor();
    const [saved] = await t.db.query(sql`SELECT supervisor_email FROM departments WHERE code = ${department.code}`);
    expect(saved).toEqual({ supervisor_email: supervisor });

    // An address the server refuses is refused with the catalogue's message, and nothing changes.
    await email.fill('kabid@dlh');
    await save.click();
    await row.getByRole('alert').filter({ hasText: 'Isian tidak lengkap atau tidak sah.' }).waitFor();
    expect((await t.db.query(sql`SELECT supervisor_email FROM departments WHERE code = ${department.code}`))[0]).toEqual(saved);

    // ... and the supervisor of its kelurahan, found by name.
    await page.getByLabel('Cari kelurahan menurut nama atau kecamatan').fill('sukarasa');
    const lurahEmail = page.getByLabel('E-mail pengawas Sukarasa', { exact: true });
    await lurahEmail.fill(lurah);
    await page.getByRole('button', { name: 'Simpan pengawas Sukarasa', exact: true }).click();
    await page.getByRole('row').filter({ has: lurahEmail }).getByRole('status').filter({ hasText: 'Tersimpan.' }).waitFor();
    await page.screenshot({ path: path.join(shots, 'supervisors.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // Its deadline passed yesterday; the escalation job runs.
    await t.db.query(sql`UPDATE reports SET due_at = now() - interval '1 day' WHERE code = ${code}`);
    await escalationQueue(t.db).handle({}, { jobId: 'e2e', number: 1 });
    const [mail] = await eventually(() => (smtp.received.length ? smtp.received : undefined), {
      what: 'the escalation e-mail', timeoutMs: 20_000,
    });
    expect(mail.to).toEqual([supervisor, lurah]);
    expect(mail.subject).toBe(`[PetaWarga] ${code} melewati batas waktu / overdue`);
    expect(mail.text).toContain(`Laporan ${code} (`);
    expect(mail.text).toContain(`https://petawarga.example/r/${code}`);

    // The service view counts it among its department's overdue reports.
    await page.getByRole('link', { name: 'Kinerja layanan' }).click();
    const serviceRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: department.name }) })
      .filter({ hasNotText: 'Selatan' });
    await expect.poll(async () => (await serviceRow.getByRole('cell').allTextContents()).slice(0, 2)).toEqual(['1', '1']);
    await page.screenshot({ path: path.join(shots, 'service.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // The public page of the report says it is overdue, in Indonesian and in English.
    const resident = await (await browser.newContext()).newPage();
    await resident.goto(`${base}/r/${code}`);
    await resident.getByText('Terlambat: melewati batas waktu tanggapan dan belum selesai').waitFor();
    await resident.getByRole('button', { name: 'EN', exact: true }).click();
    await resident.getByText('Overdue: past its response deadline and not yet resolved').waitFor();
    await resident.screenshot({ path: path.join(shots, 'public.png') });
  });
});
