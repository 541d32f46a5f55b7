import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestApp, type TestApp } from '../test/app.ts';

let t: TestApp;
const changes: { reportId: number; eventId: number }[] = [];
beforeAll(async () => {
  t = await createTestApp({}, { publicChangeListener: (e) => void changes.push(e) });
});
afterAll(() => t?.close());

describe('a report published at submission', () => {
  it("passes its public 'published' event on for the reporter's notification", async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/reports',
      payload: { category: 'banjir', description: 'Banjir setinggi lutut di depan masjid', lon: 106.632, lat: -6.17, reporter: { email: 'warga@example.org' } },
    });
    expect(res.statusCode).toBe(201);
    const [event] = await t.db.query<{ report_id: number; id: number }>(sql`
      SELECT e.report_id, e.id FROM report_events e JOIN reports r ON r.id = e.report_id
      WHERE r.code = ${res.json().code} AND e.kind = 'published'`);
    expect(changes).toEqual([{ reportId: event.report_id, eventId: event.id }]);
  });

  it('passes nothing on for a report held for moderation', async () => {
    const before = changes.length;
    await t.app.inject({
      method: 'POST', url: '/api/reports',
      payload: { category: 'banjir', description: 'Dasar goblok, banjir lagi di sini', lon: 106.632, lat: -6.17 },
    });
    expect(changes.length).toBe(before);
  });
});
