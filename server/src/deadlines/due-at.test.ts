import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { assignDueAt } from './due-at.ts';
import { insertConstructedReport, twoKelurahan } from './test-fixtures.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

describe('assignDueAt', () => {
  it("counts the category's working days from the report's submission and records the count", async () => {
    await t.db.query(sql`UPDATE categories SET response_working_days = 2 WHERE code = 'banjir'`);
    const { tangsel } = await twoKelurahan(t.db);
    // Friday 20 November 2026, 22:00 WIB: 2 working days are Monday and Tuesday.
    const id = await insertConstructedReport(t.db, {
      code: 'TSL-DUE001', category: 'banjir', kelurahanCode: tangsel, createdAt: '2026-11-20T15:00:00Z',
    });
    const dueAt = await assignDueAt(t.db, id);
    expect(dueAt.toISOString()).toBe('2026-11-24T16:59:59.999Z');
    const [row] = await t.db.query(sql`SELECT due_at, due_working_days FROM reports WHERE id = ${id}`);
    expect(row).toEqual({ due_at: dueAt, due_working_days: 2 });
  });

  it('starts the count again from now for a reopened report', async () => {
    const { tangsel } = await twoKelurahan(t.db);
    const id = await insertConstructedReport(t.db, {
      code: 'TSL-DUE002', category: 'banjir', kelurahanCode: tangsel, createdAt: '2026-01-05T03:00:00Z',
      dueAt: '2026-01-07T16:59:59.999Z', dueWorkingDays: 2,
    });
    const dueAt = await assignDueAt(t.db, id, 'now');
    const [row] = await t.db.query<{ expected: Date; from_now: boolean }>(sql`
      SELECT add_working_days(now(), 2) AS expected, due_counted_from > now() - interval '1 minute' AS from_now
      FROM reports WHERE id = ${id}`);
    expect(dueAt).toEqual(row.expected);
    expect(row.from_now).toBe(true);
  });

  it('fails for a report that does not exist', async () => {
    await expect(assignDueAt(t.db, 987654321)).rejects.toThrow(/does not exist/);
  });
});

describe('categories.response_working_days', () => {
  it('is 5 working days unless set, and must lie between 1 and 60', async () => {
    const [pencemaran] = await t.db.query<{ days: number }>(sql`
      SELECT response_working_days AS days FROM categories WHERE code = 'pencemaran'`);
    expect(pencemaran.days).toBe(5);
    for (const days of [0, 61]) {
      await expect(t.db.query(sql`UPDATE categories SET response_working_days = ${days} WHERE code = 'sampah'`))
        .rejects.toThrow(/check constraint/);
    }
  });
});

describe('departments.supervisor_email', () => {
  it('takes an address or nothing', async () => {
    await t.db.query(sql`UPDATE departments SET supervisor_email = 'kabid@dlh.tangerangkota.go.id' WHERE code = 'tgr-dlh'`);
    await expect(t.db.query(sql`UPDATE departments SET supervisor_email = 'kabid' WHERE code = 'tgr-dlh'`))
      .rejects.toThrow(/check constraint/);
  });
});
