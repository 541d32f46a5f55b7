import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql, type Database } from '../db/database.ts';
import { connectPostgres } from '../db/postgres.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { eventually } from '../test/eventually.ts';
import { describeNeeding } from '../test/requirements.ts';
import { MessageFailed, processNextMessage, type InboundProcessor } from './inbound.ts';
import { startSmsPoller } from './poller.ts';
import { smsGateway, startTestGateway, type TestGateway } from '../test/sms-gateway.ts';

// Exactly once, with a real gammu-smsd: a crash between the app's commit and the inbox
// update, and two server instances polling one gateway.

const settings = {
  photosDir: path.join(os.tmpdir(), 'petawarga-sms-photos'),
  duplicates: { radiusM: 50, windowDays: 30 },
  moderation: { moderateAll: false, burstLimit: 100 },
};

describeNeeding(smsGateway, 'exactly-once processing of incoming SMS', () => {
  let t: TestDatabase;
  let gateway: TestGateway;
  const opened: Database[] = [];
  /** Another server instance: its own connections to both databases. */
  const instance = async (extra: Partial<InboundProcessor> = {}): Promise<InboundProcessor> => {
    const appDb = await connectPostgres(t.url!, 2);
    const gatewayDb = await connectPostgres(gateway.url, 2);
    opened.push(appDb, gatewayDb);
    return { appDb, gatewayDb, settings, ...extra };
  };

  beforeAll(async () => {
    t = await createTestDatabase();
    gateway = await startTestGateway();
  });
  afterAll(async () => {
    for (const db of opened) await db.close();
    await gateway?.close();
    await t?.drop();
  });

  const inboxOf = (numbers: string[]) => gateway.db.query<{ id: number; processed: boolean }>(sql`
    SELECT "ID" AS id, "Processed" AS processed FROM inbox WHERE "SenderNumber" = ANY(${numbers}) ORDER BY "ID"`);
  // SMSD moves a sent message from outbox to sentitems in two steps, so for a moment one
  // message is in both; it keeps its ID, which is what is counted.
  const sentTo = (numbers: string[]) => gateway.db.query<{ to: string }>(sql`
    SELECT "DestinationNumber" AS to FROM (
      SELECT "ID", "DestinationNumber" FROM outbox WHERE "DestinationNumber" = ANY(${numbers})
      UNION
      SELECT "ID", "DestinationNumber" FROM sentitems WHERE "DestinationNumber" = ANY(${numbers})) AS sent`);
  const reportsFrom = async (numbers: string[]) => (await t.db.query<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM reporters WHERE phone = ANY(${numbers})`))[0].n;
  const received = (numbers: string[]) =>
    eventually(async () => ((await inboxOf(numbers)).length === numbers.length ? true : undefined), { what: 'SMSD to receive', timeoutMs: 15_000 });

  it('makes one report and one reply when the processor dies between the app commit and the inbox update', async () => {
    const number = ['+6281300000001'];
    gateway.receive(number[0], 'LAPOR BANJIR Kel. Sukasari, air selutut depan masjid');
    await received(number);

    const crashing = await instance({ afterAppCommit: () => { throw new Error('killed after the app commit'); } });
    await expect(processNextMessage(crashing)).rejects.toThrow(MessageFailed);
    // The report and its record are committed; the gateway side rolled back with the "crash".
    expect(await reportsFrom(number)).toBe(1);
    expect(await inboxOf(number)).toMatchObject([{ processed: false }]);
    expect(await sentTo(number)).toHaveLength(0);

    const restarted = await instance();
    const [{ id }] = await inboxOf(number);
    expect(await processNextMessage(restarted)).toBe(id);
    expect(await processNextMessage(restarted)).toBeNull();
    expect(await reportsFrom(number)).toBe(1);
    expect(await inboxOf(number)).toMatchObject([{ processed: true }]);
    const [inbound] = await t.db.query(sql`SELECT outcome FROM sms_inbound WHERE gateway_message_id = ${id}`);
    expect(inbound).toEqual({ outcome: 'report' });
    // The reply goes out through SMSD once.
    await eventually(async () => {
      const sent = await gateway.db.query(sql`SELECT 1 FROM sentitems WHERE "DestinationNumber" = ${number[0]}`);
      return sent.length ? true : undefined;
    }, { what: 'the reply to be sent', timeoutMs: 10_000 });
    expect(await sentTo(number)).toHaveLength(1);
  });

  it('lets two processors share one gateway without taking a message twice', async () => {
    const numbers = Array.from({ length: 12 }, (_, i) => `+62813100000${String(i).padStart(2, '0')}`);
    for (const [i, n] of numbers.entries()) gateway.receive(n, `LAPOR SAMPAH Kel. Cimone, sampah menumpuk di gang ${i + 1}`);
    await received(numbers);

    const takenBy = new Map<number, string[]>();
    const taking = (name: string) => async (id: number) => {
      takenBy.set(id, [...(takenBy.get(id) ?? []), name]);
      // Hold the message a moment, so that the other processor polls while this one works.
      await new Promise((r) => setTimeout(r, 30));
    };
    const pollers = [
      startSmsPoller(await instance({ afterAppCommit: taking('a') }), { intervalMs: 20 }),
      startSmsPoller(await instance({ afterAppCommit: taking('b') }), { intervalMs: 20 }),
    ];
    try {
      await eventually(async () => ((await inboxOf(numbers)).every((m) => m.processed) ? true : undefined), { what: 'all processed', timeoutMs: 20_000 });
    } finally {
      for (const p of pollers) await p.stop();
    }

    expect([...takenBy.values()].every((names) => names.length === 1)).toBe(true);
    expect(takenBy.size).toBe(numbers.length);
    const names = [...takenBy.values()].flat();
    expect(names).toContain('a');
    expect(names).toContain('b');
    expect(await reportsFrom(numbers)).toBe(numbers.length);
    expect((await sentTo(numbers)).map((s) => s.to).sort()).toEqual([...numbers].sort());
  });
});
