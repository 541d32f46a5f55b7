import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestApp, type TestApp } from '../test/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

describe('report_events', () => {
  it('refuses to change or delete an event, so the history of a report cannot be rewritten', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/reports',
      payload: { category: 'banjir', description: 'Air setinggi lutut di depan masjid', lat: -6.17, lon: 106.632 },
    });
    expect(res.statusCode).toBe(201);
    const events = () => t.db.query<{ id: number; kind: string; actor: string }>(sql`
      SELECT e.id, e.kind, e.actor FROM report_events e JOIN reports r ON r.id = e.report_id
      WHERE r.code = ${res.json().code} ORDER BY e.id`);
    const before = await events();
    expect(before.length).toBeGreaterThan(0);
    await expect(t.db.query(sql`UPDATE report_events SET actor = 'someone-else' WHERE id = ${before[0].id}`)).rejects.toThrow(/append-only/);
    await expect(t.db.query(sql`DELETE FROM report_events WHERE id = ${before[0].id}`)).rejects.toThrow(/append-only/);
    expect(await events()).toEqual(before);
  });
});
