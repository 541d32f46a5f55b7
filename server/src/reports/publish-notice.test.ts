import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestApp, type TestApp } from '../test/app.ts';

// Notices to reporters are not called by routes: the queue_reporter_notice trigger writes them
// to the outbox in the submission's own transaction (db/functions, outbox/drain.ts).
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const queuedKinds = (code: string) => t.db.query<{ kind: string }>(sql`
  SELECT e.kind FROM outbox o
  JOIN report_events e ON e.id = (o.payload->>'eventId')::bigint
  JOIN reports r ON r.id = e.report_id
  WHERE r.code = ${code} AND o.topic = 'reporter_notice'
  ORDER BY e.id`).then((rows) => rows.map((r) => r.kind));

const submit = (payload: object) => t.app.inject({ method: 'POST', url: '/api/reports', payload });

describe('a report submitted on the web', () => {
  it("queues its public 'published' event for a reporter who left an e-mail", async () => {
    const res = await submit({
      category: 'banjir', description: 'Banjir setinggi lutut di depan masjid', lon: 106.632, lat: -6.17, reporter: { email: 'warga@example.org' },
    });
    expect(res.statusCode).toBe(201);
    // 'submitted' is not told: the sender saw the code on screen.
    expect(await queuedKinds(res.json().code)).toEqual(['published']);
  });

  it('queues nothing for a report held for moderation, nor for a reporter without a contact', async () => {
    const held = await submit({
      category: 'banjir', description: 'Dasar goblok, banjir lagi di sini', lon: 106.632, lat: -6.17, reporter: { email: 'warga@example.org' },
    });
    expect(held.json().status).toBe('submitted');
    expect(await queuedKinds(held.json().code)).toEqual([]);
    const anonymous = await submit({ category: 'banjir', description: 'Banjir setinggi lutut di depan pasar', lon: 106.632, lat: -6.17 });
    expect(anonymous.json().status).toBe('published');
    expect(await queuedKinds(anonymous.json().code)).toEqual([]);
  });
});
