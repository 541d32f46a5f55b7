import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { emailQueue } from './email-job.ts';
import { createMailer } from './mailer.ts';
import { notifyPublicChange } from './notify.ts';
import { eventually } from '../test/eventually.ts';
import { startTestSmtp, type TestSmtp } from './test-smtp.ts';
import { latestDelivery, publicBaseUrl, sentDelivery, startNotifiedApp, type NotifiedApp } from './test-app.ts';

let smtp: TestSmtp;
let t: NotifiedApp;
beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await startNotifiedApp({ smtpUrl: smtp.url, retry: { limit: 2, delaySeconds: 1, backoff: true } });
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

// A report published at submission also sends a 'published' e-mail; `about` picks the status
// a test is about from the subject ("… / resolved").
const mailTo = (address: string, count = 1, about = '') =>
  eventually(() => {
    const mails = smtp.received.filter((m) => m.to.includes(address) && m.subject.endsWith(about));
    return mails.length >= count ? mails : undefined;
  }, { what: `${count} e-mail(s) to ${address}` });

const eventIds = (code: string) =>
  t.db.query<{ id: number; report_id: number; kind: string }>(sql`
    SELECT e.id, e.report_id, e.kind FROM report_events e JOIN reports r ON r.id = e.report_id
    WHERE r.code = ${code} ORDER BY e.id`);

describe('e-mail to the reporter', () => {
  it('tells of a resolution with the public response, Indonesian first, with the code and page', async () => {
    const code = await t.submit({ name: 'Siti', email: 'siti@example.org' });
    await t.move(code, 'resolved', { response: 'Lubang sudah ditambal pada 20 November.' });

    const [mail] = await mailTo('siti@example.org', 1, '/ resolved');
    expect((await mailTo('siti@example.org', 1, '/ published'))[0].text).toContain(code);
    expect(mail.subject).toBe(`[PetaWarga] ${code}: selesai ditangani / resolved`);
    expect(mail.text).toContain(`Yth. Siti,\n\nLaporan Anda ${code} (Jalan Rusak, Kel. Sukarasa) telah selesai ditangani.`);
    expect(mail.text).toContain('Tanggapan dinas: "Lubang sudah ditambal pada 20 November."');
    expect(mail.text).toContain(`Your report ${code} (Damaged road, Sukarasa) has been resolved.`);
    expect(mail.text.indexOf('Laporan Anda')).toBeLessThan(mail.text.indexOf('Your report'));
    expect(mail.text).toContain(`${publicBaseUrl}/r/${code}`);

    const delivery = await sentDelivery(t, code);
    expect(delivery).toMatchObject({ attempts: 1, last_error: null, skip_reason: null });
    expect(delivery.sent_at).toBeInstanceOf(Date);
  });

  it('tells of assignment and rejection, with the department and the reason', async () => {
    const assigned = await t.submit({ email: 'budi@example.org' });
    await t.move(assigned, 'assigned');
    const [a] = await mailTo('budi@example.org', 1, '/ assigned');
    expect(a.text).toContain(`Yth. Bapak/Ibu pelapor,\n\nLaporan Anda ${assigned} (Jalan Rusak, Kel. Sukarasa) telah diteruskan ke Dinas Pekerjaan Umum dan Penataan Ruang Kota Tangerang untuk ditangani.`);

    const rejected = await t.submit({ email: 'ani@example.org' });
    await t.move(rejected, 'rejected', { reason: 'Lokasi berada di jalan tol, wewenang pengelola tol.' });
    const [r] = await mailTo('ani@example.org', 1, '/ rejected');
    expect(r.subject).toBe(`[PetaWarga] ${rejected}: ditolak / rejected`);
    expect(r.text).toContain('tidak dapat kami tindak lanjuti.\nAlasan: Lokasi berada di jalan tol, wewenang pengelola tol.');
    expect(r.text).toContain('Reason: Lokasi berada di jalan tol');
  });

  it('sends nothing for a private event and queues a repeated event once', async () => {
    const code = await t.submit({ email: 'dewi@example.org' });
    const events = await eventIds(code);
    const routed = events.find((e) => e.kind === 'routed')!;
    expect(await notifyPublicChange(t.db, { reportId: routed.report_id, eventId: routed.id })).toEqual([]);

    await t.move(code, 'assigned');
    const assigned = (await eventIds(code)).find((e) => e.kind === 'status_changed')!;
    // The route already queued it once; a second call (a retried request) adds no job.
    await notifyPublicChange(t.db, { reportId: assigned.report_id, eventId: assigned.id });
    await mailTo('dewi@example.org');
    const [{ jobs }] = await t.db.query<{ jobs: number }>(sql`
      SELECT count(*)::int AS jobs FROM pgboss.job WHERE name = 'notify-email' AND (data->>'eventId')::int = ${assigned.id}`);
    expect(jobs).toBe(1);
  });

  it('reads the address when the job runs: a contact deleted meanwhile is not written to', async () => {
    const code = await t.submit({ email: 'hapus@example.org' });
    await t.move(code, 'assigned');
    await mailTo('hapus@example.org');
    const [event] = (await eventIds(code)).filter((e) => e.kind === 'status_changed');
    await t.db.query(sql`DELETE FROM reporters WHERE report_id = ${event.report_id}`);
    const before = smtp.received.length;
    // The job as the queue would run it for a later event, after the reporter asked to be forgotten.
    await t.db.query(sql`DELETE FROM notification_deliveries WHERE event_id = ${event.id}`);
    const mailer = createMailer({ smtpUrl: smtp.url, mailFrom: 'noreply@petawarga.example' })!;
    await emailQueue({ db: t.db, mailer, publicBaseUrl, retry: { limit: 0, delaySeconds: 0, backoff: false } })
      .handle({ reportId: event.report_id, eventId: event.id }, { jobId: 'test', number: 1 });
    mailer.close();
    expect(smtp.received.length).toBe(before);
    expect(await latestDelivery(t, code)).toMatchObject({ status: 'skipped', skip_reason: 'no_contact' });
  });
});

describe('the request that causes a notification', () => {
  it('returns before the e-mail is delivered: delivery runs in the job runner', async () => {
    const code = await t.submit({ email: 'tunggu@example.org' });
    const [{ report_id }] = await eventIds(code);
    // The relay now holds every connection at its greeting, as a slow one would.
    smtp.hold();
    try {
      // Were delivery part of the request, this would wait for the relay and fail at its timeout.
      await t.move(code, 'assigned');
      // The request was answered and its job queued, yet nothing is delivered.
      const job = await eventually(async () => {
        const [row] = await t.db.query<{ state: string }>(sql`
          SELECT j.state FROM pgboss.job j JOIN report_events e ON e.id = (j.data->>'eventId')::bigint
          WHERE j.name = 'notify-email' AND e.report_id = ${report_id}`);
        return row;
      }, { what: 'the queued job' });
      expect(['created', 'active']).toContain(job.state);
      expect(smtp.received.some((m) => m.to.includes('tunggu@example.org'))).toBe(false);
      expect(await latestDelivery(t, code)).toBeUndefined();
    } finally {
      smtp.release();
    }
    // The worker delivers it once the relay answers.
    await mailTo('tunggu@example.org');
    expect(await sentDelivery(t, code)).toMatchObject({ attempts: 1 });
    expect(t.notifyErrors).toEqual([]);
  });
});
