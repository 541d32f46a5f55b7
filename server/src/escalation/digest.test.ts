import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { insertConstructedReport, twoKelurahan } from '../deadlines/test-fixtures.ts';
import { startJobs, stopJobs } from '../jobs/runner.ts';
import { createMailer, type Mailer } from '../notifications/mailer.ts';
import { startTestSmtp, type TestSmtp } from '../notifications/test-smtp.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { eventually } from '../test/eventually.ts';
import { digestEmailQueue, digestQueue } from './digest-job.ts';

let t: TestDatabase;
let smtp: TestSmtp;
let mailer: Mailer;
const dlhSupervisor = 'kabid.kebersihan@tangerangkota.example';
const lurah = 'lurah@tangerangkota.example';
const tangselDlh = 'kabid@dlh.tangerangselatankota.example';
const base = 'https://petawarga.example';

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
/** The end of the WIB day `days` days before today, as deadlines are (deadlines/due-at.ts). */
const dueDaysAgo = (days: number) => {
  const todayInJakarta = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  return new Date(Date.parse(`${todayInJakarta}T16:59:59.999Z`) - days * 86_400_000).toISOString();
};

beforeAll(async () => {
  t = await createTestDatabase();
  smtp = await startTestSmtp();
  mailer = createMailer({ smtpUrl: smtp.url, mailFrom: 'PetaWarga <noreply@petawarga.example>' })!;
  const { tangerang, tangsel } = await twoKelurahan(t.db);
  // sampah goes to each city's DLH; the Tangerang kelurahan has a supervisor of its own.
  await t.db.query(sql`UPDATE departments SET supervisor_email = ${dlhSupervisor} WHERE code = 'tgr-dlh'`);
  await t.db.query(sql`UPDATE departments SET supervisor_email = ${tangselDlh} WHERE code = 'tsl-dlh'`);
  await t.db.query(sql`UPDATE kelurahan SET supervisor_email = ${lurah} WHERE code = ${tangerang}`);
  const report = (code: string, kelurahanCode: string, r: { status?: string; dueAt: string; resolvedAt?: string }) =>
    insertConstructedReport(t.db, { code, kelurahanCode, createdAt: hoursAgo(400), ...r });
  await report('TGR-DIG001', tangerang, { status: 'assigned', dueAt: dueDaysAgo(3) });
  await report('TGR-DIG002', tangerang, { status: 'in_progress', dueAt: dueDaysAgo(8) });
  await report('TGR-DIG003', tangerang, { dueAt: new Date(Date.now() + 86_400_000).toISOString() });
  await report('TGR-DIG004', tangerang, { status: 'resolved', dueAt: hoursAgo(48), resolvedAt: hoursAgo(1) });
  await report('TSL-DIG005', tangsel, { dueAt: dueDaysAgo(2) });
  // A road in Tangerang: its department (PUPR) has no supervisor, its kelurahan has.
  await insertConstructedReport(t.db, { code: 'TGR-DIG006', category: 'jalan_rusak', kelurahanCode: tangerang, createdAt: hoursAgo(400), dueAt: dueDaysAgo(1) });
  await t.db.query(sql`
    UPDATE reports SET is_synthetic = true
    WHERE id = ${await report('TGR-DIG007', tangerang, { dueAt: hoursAgo(48) })}`);

  await startJobs(t.db, { databaseUrl: t.url }, [
    digestQueue(t.db),
    digestEmailQueue({ db: t.db, mailer, publicBaseUrl: base, retry: { limit: 0, delaySeconds: 0, backoff: false } }),
  ], { pollingIntervalSeconds: 0.5 });
});
afterAll(async () => {
  await stopJobs(t.db);
  mailer?.close();
  await smtp?.close();
  await t?.drop();
});

const codesIn = (text: string) => [...new Set(text.match(/T(GR|SL)-DIG\d{3}/g))];

describe('the supervisors\' daily digest', () => {
  it('sends each supervisor one e-mail listing their overdue reports, and a second run the same day sends none', async () => {
    await digestQueue(t.db).handle({}, { jobId: 'morning', number: 1 });
    const mails = await eventually(() => (smtp.received.length >= 3 ? smtp.received : undefined), {
      what: 'three digests', timeoutMs: 20_000,
    });
    const to = (address: string) => mails.filter((m) => m.to.includes(address));
    expect(mails.map((m) => m.to)).toEqual(expect.arrayContaining([[dlhSupervisor], [lurah], [tangselDlh]]));
    expect(mails).toHaveLength(3);

    const [dlh] = to(dlhSupervisor);
    expect(dlh.subject).toBe('[PetaWarga] Ringkasan harian: 2 laporan melewati batas waktu / Daily digest: 2 overdue');
    // Longest overdue first, each with its category, kelurahan name, days overdue and console link.
    expect(codesIn(dlh.text)).toEqual(['TGR-DIG002', 'TGR-DIG001']);
    expect(dlh.text).toMatch(/- TGR-DIG002 · Sampah[^·]* · Kel\. [A-Z][a-z]+[^·]* · [^·]+ · terlambat 8 hari\n {2}https:\/\/petawarga\.example\/console\/r\/TGR-DIG002/);
    expect(dlh.text).toMatch(/- TGR-DIG001 · [^\n]* · 3 days overdue\n {2}https:\/\/petawarga\.example\/console\/r\/TGR-DIG001/);

    // The kelurahan's supervisor hears of every department's overdue reports in their kelurahan.
    expect(codesIn(to(lurah)[0].text)).toEqual(['TGR-DIG002', 'TGR-DIG001', 'TGR-DIG006']);
    expect(codesIn(to(tangselDlh)[0].text)).toEqual(['TSL-DIG005']);

    // Recorded just after the relay accepted each message.
    const digests = await eventually(async () => {
      const rows = await t.db.query<{ sent: boolean }>(sql`
        SELECT report_count, sent_at IS NOT NULL AS sent FROM supervisor_digests ORDER BY report_count`);
      return rows.every((row) => row.sent) ? rows : undefined;
    }, { what: 'the digests to be recorded as sent' });
    expect(digests).toEqual([{ report_count: 1, sent: true }, { report_count: 2, sent: true }, { report_count: 3, sent: true }]);

    // Later the same day: nothing recorded, nothing queued, nothing sent.
    await digestQueue(t.db).handle({}, { jobId: 'again', number: 1 });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(smtp.received).toHaveLength(3);
    const [{ jobs }] = await t.db.query<{ jobs: number }>(sql`
      SELECT count(*)::int AS jobs FROM pgboss.job WHERE name = 'notify-digest-email'`);
    expect(jobs).toBe(3);
  });

  it('runs once a day at 07:00 Jakarta time', () => {
    expect(digestQueue(t.db).cron).toBe('0 7 * * *');
  });
});
