import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { eventually } from '../test/eventually.ts';
import { describeNeeding } from '../test/requirements.ts';
import { notifySmsReporter } from '../sms/notify.ts';
import { smsGateway, startTestGateway, type TestGateway } from '../test/sms-gateway.ts';
import { latestDelivery, sentDelivery, startNotifiedApp, type NotifiedApp } from './test-app.ts';

// Notices by SMS leave through a real Gammu SMSD: the job hands them to its outbox and SMSD
// moves them to sentitems once the (dummy) phone sent them.

let gateway: TestGateway;
let t: NotifiedApp;

describeNeeding(smsGateway, 'SMS notices through the job runner', () => {
  beforeAll(async () => {
    gateway = await startTestGateway();
    t = await startNotifiedApp({
      sms: (db) => ({ notify: (event) => notifySmsReporter(db, gateway.db, event) }),
      retry: { limit: 2, delaySeconds: 1, backoff: true },
    });
  });
  afterAll(async () => {
    await t?.close();
    await gateway?.close();
  });

  it('tells a resident who reported by SMS of a status change, by SMS', async () => {
    const number = '+6281200000077';
    const code = await t.submit({ phone: number });
    await t.db.query(sql`UPDATE reports SET channel = 'sms' WHERE code = ${code}`);
    await t.move(code, 'assigned');

    const [sent] = await eventually(async () => {
      const rows = await gateway.db.query<{ TextDecoded: string }>(sql`
        SELECT "TextDecoded" FROM sentitems WHERE "DestinationNumber" = ${number}`);
      return rows.length ? rows : undefined;
    }, { what: () => `an SMS to ${number}\n${gateway.log()}`, timeoutMs: 20_000 });
    expect(sent.TextDecoded).toContain(`laporan ${code}`);
    expect(await sentDelivery(t, code, 'sms')).toMatchObject({ attempts: 1 });
  });

  it('leaves a web reporter\'s phone alone, as the SMS channel decides, and records why', async () => {
    const code = await t.submit({ phone: '+6281200000078' });
    await t.move(code, 'assigned');
    const delivery = await eventually(() => latestDelivery(t, code, 'sms'), { what: 'the SMS delivery record' });
    expect(delivery).toMatchObject({ status: 'skipped', skip_reason: 'not_sms_reporter' });
    const outbox = await gateway.db.query(sql`
      SELECT 1 FROM outbox WHERE "DestinationNumber" = '+6281200000078'
      UNION ALL SELECT 1 FROM sentitems WHERE "DestinationNumber" = '+6281200000078'`);
    expect(outbox).toEqual([]);
  });
});
