import path from 'node:path';
import os from 'node:os';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { decodeTile } from '../../../tiles/src/decode.ts';
import { tilesContaining } from '../../../tiles/src/index.ts';
import { sql } from '../db/database.ts';
import { eventually } from '../test/eventually.ts';
import { describeNeeding } from '../test/requirements.ts';
import { startNotifiedApp, type NotifiedApp } from '../notifications/test-app.ts';
import { notifySmsReporter } from '../sms/notify.ts';
import { startSmsPoller, type SmsPoller } from '../sms/poller.ts';
import { smsGateway, startTestGateway, type TestGateway } from '../test/sms-gateway.ts';

// Reports filed through any channel reach the map and their reporter the same way: the tile
// notifications and the outbox are written in the filing transaction, not called by a route.
// Here the two channels that used to be forgotten: an SMS, and a phone call taken by staff.

let gateway: TestGateway;
let t: NotifiedApp;
let poller: SmsPoller;

// From z17 reports are points carrying their code (below, clusters).
const tileAt = (lon: number, lat: number) => tilesContaining(lon, lat, 17, 17)[0];
async function codesInTile(lon: number, lat: number): Promise<string[]> {
  const { z, x, y } = tileAt(lon, lat);
  const res = await t.app.inject({ method: 'GET', url: `/tiles/reports/${z}/${x}/${y}.mvt` });
  expect(res.statusCode).toBeLessThan(300);
  return res.rawPayload.length ? decodeTile(res.rawPayload).reports.map((f) => String(f.properties.code)) : [];
}

function smsTo(number: string, count: number) {
  return eventually(async () => {
    const rows = await gateway.db.query<{ TextDecoded: string }>(sql`
      SELECT "TextDecoded" FROM sentitems WHERE "DestinationNumber" = ${number} ORDER BY "ID"`);
    return rows.length >= count ? rows.map((r) => r.TextDecoded) : undefined;
  }, { what: () => `${count} SMS to ${number}\n${gateway.log()}`, timeoutMs: 30_000 });
}

describeNeeding(smsGateway, 'every channel through the outbox', () => {
  beforeAll(async () => {
    gateway = await startTestGateway();
    t = await startNotifiedApp({
      sms: (db) => ({ notify: (event) => notifySmsReporter(db, gateway.db, event) }),
      retry: { limit: 2, delaySeconds: 1, backoff: true },
    });
    poller = startSmsPoller({
      appDb: t.db,
      gatewayDb: gateway.db,
      settings: {
        photosDir: path.join(os.tmpdir(), 'petawarga-sms-photos'),
        duplicates: { radiusM: 50, windowDays: 30 },
        moderation: { moderateAll: false, burstLimit: 100 },
      },
    }, { intervalMs: 200 });
  });
  afterAll(async () => {
    await poller?.stop();
    await t?.close();
    await gateway?.close();
  });

  it('puts a report sent by SMS into a tile cached before it, and tells its sender of a status change', async () => {
    const [sukasari] = await t.db.query<{ lon: number; lat: number }>(sql`
      SELECT ST_X(label_point) AS lon, ST_Y(label_point) AS lat FROM kelurahan WHERE name = 'Sukasari' AND city_code = '36.71'`);
    const cachedBefore = await codesInTile(sukasari.lon, sukasari.lat);

    const number = '+6281200000101';
    gateway.receive(number, 'LAPOR SAMPAH Kel. Sukasari, tumpukan sampah di pinggir kali sudah seminggu');
    const [accepted] = await smsTo(number, 1);
    const code = accepted.match(/Kode: ([A-Z]{3}-[A-Z0-9]{6})/)![1];
    const shown = await eventually(async () => {
      const codes = await codesInTile(sukasari.lon, sukasari.lat);
      return codes.includes(code) ? codes : undefined;
    }, { what: `${code} in the cached tile`, timeoutMs: 5_000 });
    expect(shown).toEqual(expect.arrayContaining([...cachedBefore, code]));

    await t.move(code, 'assigned');
    const [, notice] = await smsTo(number, 2);
    expect(notice).toContain(`laporan ${code}`);
    expect(notice).toContain('diteruskan ke dinas');
  });

  it('puts a phone report filed by staff into a tile cached before it at once, and texts the resident its code', async () => {
    const at = { lon: 106.6321, lat: -6.1702 };
    await codesInTile(at.lon, at.lat);
    const number = '+6281200000102';
    const res = await t.app.inject({
      method: 'POST', url: '/api/console/intake', headers: t.admin.headers,
      payload: {
        channel: 'phone', category: 'jalan_rusak', description: 'Jalan berlubang besar di depan sekolah dasar',
        location: { lat: at.lat, lon: at.lon }, reporter: { name: 'Pak Budi', phone: number },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { code } = res.json();
    // No waiting: the answer comes after this instance applied its own transaction's tile changes.
    expect(await codesInTile(at.lon, at.lat)).toContain(code);
    const [filed] = await smsTo(number, 1);
    expect(filed).toContain(code);
    expect(filed).toContain('dicatat petugas');
  });

  it('changes and queues nothing for a request that was refused and rolled back', async () => {
    const code = await t.submit({ phone: '+6281200000103' });
    // The first report is assigned, then the second is refused: the whole batch rolls back.
    const res = await t.app.inject({
      method: 'POST', url: '/api/console/bulk-assign', headers: t.admin.headers,
      payload: { codes: [code, 'TGR-ZZZZZZ'] },
    });
    expect(res.statusCode).toBe(404);
    // Only the 'published' notice of the submission may be queued, never the rolled-back change's.
    const [after] = await t.db.query<{ status: string; changes: number; queued: string[] }>(sql`
      SELECT r.status,
             (SELECT count(*)::int FROM report_events e WHERE e.report_id = r.id AND e.kind = 'status_changed') AS changes,
             ARRAY(SELECT e.kind FROM outbox o LEFT JOIN report_events e ON e.id = (o.payload->>'eventId')::bigint
                   WHERE (o.payload->>'reportId')::bigint = r.id) AS queued
      FROM reports r WHERE r.code = ${code}`);
    expect(after.status).toBe('published');
    expect(after.changes).toBe(0);
    expect(after.queued.every((kind) => kind === 'published')).toBe(true);
  });
});
