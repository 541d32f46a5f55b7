import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { signIn } from '../test/staff.ts';
import { eventually } from '../test/eventually.ts';
import { describeNeeding } from '../test/requirements.ts';
import { notifySmsReporter } from './notify.ts';
import { startSmsPoller, type SmsPoller } from './poller.ts';
import { helpReply } from './replies.ts';
import { smsGateway, startTestGateway, type TestGateway } from '../test/sms-gateway.ts';

// The whole channel for real: an SMS lands on the dummy phone, gammu-smsd puts it in its
// inbox, the poller turns it into a report, and the reply leaves through SMSD (sentitems).

let t: TestApp;
let gateway: TestGateway;
let poller: SmsPoller;

interface Sent { TextDecoded: string; Status: string }

/** The SMS sent to `number`, once there are `count` of them (SMSD sends within about a second). */
function repliesTo(number: string, count: number): Promise<Sent[]> {
  return eventually(async () => {
    const sent = await gateway.db.query<Sent>(sql`
      SELECT "TextDecoded", "Status" FROM sentitems WHERE "DestinationNumber" = ${number} ORDER BY "ID"`);
    return sent.length >= count ? sent : undefined;
  }, { what: () => `${count} SMS to ${number}\n${gateway.log()}`, timeoutMs: 20_000 });
}

const codeIn = (reply: string) => reply.match(/Kode: ([A-Z]{3}-[A-Z0-9]{6})/)![1];

describeNeeding(smsGateway, 'SMS channel through a real Gammu SMSD', () => {
  beforeAll(async () => {
    t = await createTestApp();
    gateway = await startTestGateway();
    poller = startSmsPoller({
      appDb: t.db,
      gatewayDb: gateway.db,
      settings: {
        photosDir: path.join(t.dataDir, 'photos'),
        duplicates: { radiusM: 50, windowDays: 30 },
        moderation: { moderateAll: false, burstLimit: 100 },
      },
    }, { intervalMs: 200, log: (m) => console.error(`[sms] ${m}`) });
  });
  afterAll(async () => {
    await poller?.stop();
    await gateway?.close();
    await t?.close();
  });

  it('turns an SMS into a routed report at the kelurahan, and replies with the tracking code', async () => {
    const number = '+6281200000001';
    gateway.receive(number, 'LAPOR BANJR Kel. Sukasari, Jl. Merdeka depan masjid, air selutut');
    const [reply] = await repliesTo(number, 1);
    expect(reply.Status).toBe('SendingOKNoReport');
    const code = codeIn(reply.TextDecoded);
    expect(reply.TextDecoded).toBe(`Laporan diterima. Kode: ${code}. Cek status: CEK ${code}. Banjir / Genangan, Kel. Sukasari`);

    const [report] = await t.db.query<Record<string, unknown>>(sql`
      SELECT r.category_code, k.name AS kelurahan, r.channel, r.status, r.location_is_approximate, r.description,
             ST_Equals(r.location, k.label_point) AS at_label_point, d.kind AS department_kind, rep.phone
      FROM reports r
      JOIN kelurahan k ON k.code = r.kelurahan_code
      JOIN departments d ON d.code = r.department_code
      JOIN reporters rep ON rep.report_id = r.id
      WHERE r.code = ${code}`);
    expect(report).toEqual({
      category_code: 'banjir', kelurahan: 'Sukasari', channel: 'sms', status: 'published', location_is_approximate: true,
      description: 'Jl. Merdeka depan masjid, air selutut', at_label_point: true, department_kind: 'bpbd', phone: number,
    });

    const view = await t.app.inject({ method: 'GET', url: `/api/reports/${code}` });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ channel: 'sms', location: { is_approximate: true }, kelurahan: { name: 'Sukasari' } });
    expect(view.body).not.toContain('81200000001');

    const inbox = await gateway.db.query(sql`SELECT "Processed" FROM inbox WHERE "SenderNumber" = ${number}`);
    expect(inbox).toEqual([{ Processed: true }]);
  });

  it('answers CEK with the status and kelurahan', async () => {
    const number = '+6281200000002';
    gateway.receive(number, 'LAPOR SAMPAH Kel. Cimone, sampah menumpuk di pinggir jalan tiga hari');
    const code = codeIn((await repliesTo(number, 1))[0].TextDecoded);
    gateway.receive('+6281299999999', `cek ${code.toLowerCase().replace('-', ' ')}`);
    const [status] = await repliesTo('+6281299999999', 1);
    expect(status.TextDecoded).toMatch(new RegExp(`^${code}: Dipublikasikan\\. Sampah, Kel\\. Cimone\\. Diperbarui \\d\\d/\\d\\d/\\d{4}$`));
  });

  it('answers a malformed SMS, an unknown kelurahan and an unknown category with the format and an example', async () => {
    const number = '+6281200000003';
    gateway.receive(number, 'halo pak jalan depan rumah saya rusak');
    gateway.receive(number, 'LAPOR BANJIR Kel. Sukosoro, air selutut depan masjid');
    gateway.receive(number, 'LAPOR KEBAKARAN Kel. Sukasari, rumah terbakar');
    const replies = (await repliesTo(number, 3)).map((r) => r.TextDecoded);
    expect(replies[0]).toBe(helpReply());
    expect(replies[0]).toContain('Contoh: LAPOR BANJIR Kel. Sukasari');
    expect(replies[1]).toBe('Kel. "Sukosoro" tdk ditemukan. Maksud Anda Kel. Sukasari? Kirim ulang: LAPOR BANJIR Kel. Sukasari, <uraian>');
    expect(replies[2]).toBe(
      'Kategori "KEBAKARAN" tdk ada. Pilih: BANJIR SAMPAH JALAN LAMPU GOT POHON TROTOAR RAMBU PARKIR PKL FASUM POLUSI. Contoh: LAPOR BANJIR Kel. Sukasari, air selutut',
    );
    const [{ reports }] = await t.db.query<{ reports: number }>(sql`
      SELECT count(*)::int AS reports FROM reporters WHERE phone = ${number}`);
    expect(reports).toBe(0);
  });

  it('says when a report waits for moderation, and tells its status only to its reporter', async () => {
    const number = '+6281200000004';
    gateway.receive(number, 'LAPOR LAMPU Kel. Sukasari, lampu jalan mati, hubungi saya di 0812 3456 7890');
    const [reply] = await repliesTo(number, 1);
    const code = codeIn(reply.TextDecoded);
    expect(reply.TextDecoded).toMatch(/^Laporan diterima, menunggu pemeriksaan petugas sebelum tampil di peta\. Kode: /);
    gateway.receive('+6281299999998', `CEK ${code}`);
    expect((await repliesTo('+6281299999998', 1))[0].TextDecoded).toBe(`Laporan ${code} tdk ditemukan. Periksa kodenya, contoh: CEK TGR-7K3P9Q`);
    gateway.receive(number, `CEK ${code}`);
    expect((await repliesTo(number, 2))[1].TextDecoded).toMatch(new RegExp(`^${code}: Menunggu pemeriksaan petugas\\.`));
  });

  it('takes a long SMS that arrived in parts as one report', async () => {
    const number = '+6281200000005';
    const description = `Jl. Kisamaun gang Kelinci, ${'air menggenang setinggi lutut sejak subuh dan masuk ke rumah warga, '.repeat(3)}mohon segera dibantu`;
    gateway.receive(number, `LAPOR BANJIR Kel. Sukasari, ${description}`);
    const replies = await repliesTo(number, 1);
    const [report] = await t.db.query<{ description: string }>(sql`SELECT description FROM reports WHERE code = ${codeIn(replies[0].TextDecoded)}`);
    expect(report.description).toBe(description);
    await eventually(async () => {
      const parts = await gateway.db.query(sql`SELECT 1 FROM inbox WHERE "SenderNumber" = ${number} AND NOT "Processed"`);
      return parts.length === 0 ? true : undefined;
    }, { what: 'every part processed', timeoutMs: 5000 });
    expect(await repliesTo(number, 1)).toHaveLength(1);
  });

  it('tells the SMS reporter about a status change, once however often it is asked', async () => {
    const number = '+6281200000006';
    gateway.receive(number, 'LAPOR POHON Kel. Sukasari, pohon tumbang menutup jalan depan sekolah');
    const code = codeIn((await repliesTo(number, 1))[0].TextDecoded);
    const officer = await signIn(t.app, t.db, { role: 'admin' });
    const res = await t.app.inject({
      method: 'POST', url: `/api/reports/${code}/status`, headers: officer.headers, payload: { to: 'in_progress' },
    });
    expect(res.statusCode).toBe(200);
    const [event] = await t.db.query<{ reportId: number; eventId: number }>(sql`
      SELECT e.report_id AS "reportId", e.id AS "eventId" FROM report_events e JOIN reports r ON r.id = e.report_id
      WHERE r.code = ${code} AND e.kind = 'status_changed'`);

    const first = await notifySmsReporter(t.db, gateway.db, event);
    const again = await notifySmsReporter(t.db, gateway.db, event);
    expect(again).toEqual(first);
    // Handed over once: the reply and this notice are all SMSD holds for the number, sent or not.
    const [{ held }] = await gateway.db.query<{ held: number }>(sql`
      SELECT (SELECT count(*) FROM outbox WHERE "DestinationNumber" = ${number})
           + (SELECT count(*) FROM sentitems WHERE "DestinationNumber" = ${number}) AS held`);
    expect(held).toBe(2);
    const sent = await repliesTo(number, 2);
    expect(sent[1].TextDecoded).toBe(`PetaWarga: laporan ${code} (Kel. Sukasari) kini sedang ditangani. Cek: CEK ${code}`);
    expect(await notifySmsReporter(t.db, gateway.db, { reportId: event.reportId, eventId: event.eventId - 1 }))
      .toMatchObject({ sent: false });
  });
});
