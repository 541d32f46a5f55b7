import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Queryable } from '../db/database.ts';
import { runInTransaction } from '../db/open-transaction.ts';
import { AppError } from '../http/app-error.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { addHoliday, listHolidays, removeHoliday, type Holiday } from './holidays.ts';
import { insertConstructedReport, twoKelurahan } from './test-fixtures.ts';

let t: TestDatabase;
/** The calendar changes run in their caller's transaction, as a write request's would. */
const inTransaction = <A extends unknown[], R>(change: (tx: Queryable, ...args: A) => Promise<R>, ...args: A) =>
  runInTransaction(t.db, (tx) => change(tx, ...args));
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

const csvFile = path.resolve(import.meta.dirname, '../../../data/holidays/indonesia-2025-2027.csv');
// The CSV has no quoted fields (no name contains a comma), so a split is a faithful parse.
function readCsv(): Holiday[] {
  const [header, ...lines] = fs.readFileSync(csvFile, 'utf8').trim().split('\n');
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i], v])) as unknown as Holiday);
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('the seeded holidays', () => {
  it('are exactly the rows of data/holidays/indonesia-2025-2027.csv', async () => {
    const seeded = [...(await listHolidays(t.db, 2025)), ...(await listHolidays(t.db, 2026)), ...(await listHolidays(t.db, 2027))];
    expect(seeded).toEqual(readCsv());
  });

  it('mark every 2027 day provisional and no 2025 or 2026 day', async () => {
    expect((await listHolidays(t.db, 2027)).every((h) => h.source === 'provisional')).toBe(true);
    const decided = [...(await listHolidays(t.db, 2025)), ...(await listHolidays(t.db, 2026))];
    expect(decided.some((h) => h.source === 'provisional')).toBe(false);
    expect(decided.filter((h) => h.kind === 'cuti_bersama').map((h) => h.date)).toContain('2026-12-24');
  });
});

describe('addHoliday and removeHoliday', () => {
  const holiday: Holiday = {
    date: '2026-12-31', name_id: 'Cuti Bersama Tahun Baru', name_en: 'Collective leave: New Year', kind: 'cuti_bersama',
    source: 'SKB 3 Menteri 2026 (amended)',
  };

  it('refuses an invalid holiday, naming every wrong field', async () => {
    const error = await errorOf(inTransaction(addHoliday, {
      date: '2027-02-30', name_id: '  ', name_en: 'x', kind: 'weekend' as never, source: '',
    }, 'admin@example.org'));
    expect(error.statusCode).toBe(400);
    expect(error.code).toBe('INVALID_HOLIDAY');
    expect((error.details as { field: string }[]).map((d) => d.field).sort()).toEqual(['date', 'kind', 'name_id', 'source']);
    expect((await errorOf(inTransaction(addHoliday, { ...holiday, date: '31-12-2026' }, 'a'))).code).toBe('INVALID_HOLIDAY');
    expect((await errorOf(inTransaction(addHoliday, { ...holiday, date: '1999-12-31' }, 'a'))).code).toBe('INVALID_HOLIDAY');
  });

  it('refuses a date that is already a holiday, and removing one that is not', async () => {
    const exists = await errorOf(inTransaction(addHoliday, { ...holiday, date: '2026-12-25' }, 'a'));
    expect([exists.statusCode, exists.code]).toEqual([409, 'HOLIDAY_EXISTS']);
    const missing = await errorOf(inTransaction(removeHoliday, '2026-12-30', 'a'));
    expect([missing.statusCode, missing.code]).toEqual([404, 'HOLIDAY_NOT_FOUND']);
  });

  it('moves the deadlines of unresolved reports it falls within, with a public event on each', async () => {
    const { tangerang } = await twoKelurahan(t.db);
    // Wednesday 30 December 2026, 1 working day: due Thursday 31 December, until that becomes a holiday.
    const base = { kelurahanCode: tangerang, createdAt: '2026-12-30T07:00:00Z', dueAt: '2026-12-31T16:59:59.999Z', dueWorkingDays: 1 };
    const open = await insertConstructedReport(t.db, { ...base, code: 'TGR-HOL001' });
    const resolved = await insertConstructedReport(t.db, { ...base, code: 'TGR-HOL002', status: 'resolved', resolvedAt: '2026-12-31T03:00:00Z' });
    const rejected = await insertConstructedReport(t.db, { ...base, code: 'TGR-HOL003', status: 'rejected' });
    // Due well before 31 December: untouched.
    const earlier = await insertConstructedReport(t.db, {
      kelurahanCode: tangerang, code: 'TGR-HOL004', createdAt: '2026-12-01T03:00:00Z', dueAt: '2026-12-02T16:59:59.999Z', dueWorkingDays: 1,
    });
    const dueAt = async (id: number) =>
      (await t.db.query<{ due_at: Date }>(sql`SELECT due_at FROM reports WHERE id = ${id}`))[0].due_at.toISOString();
    const events = (id: number) => t.db.query<{ kind: string; actor: string; old_value: unknown; new_value: unknown; reason: string; is_public: boolean }>(sql`
      SELECT kind, actor, old_value, new_value, reason, is_public FROM report_events WHERE report_id = ${id} ORDER BY id`);

    expect(await inTransaction(addHoliday, holiday, 'admin@example.org')).toEqual({ reportsRescheduled: 1 });
    // 31 December and 1 January off, 2–3 January a weekend: Monday 4 January.
    expect(await dueAt(open)).toBe('2027-01-04T16:59:59.999Z');
    expect(await events(open)).toEqual([{
      kind: 'deadline_changed', actor: 'admin@example.org', is_public: true,
      old_value: { due_at: '2026-12-31T16:59:59.999Z' }, new_value: { due_at: '2027-01-04T16:59:59.999Z' },
      reason: 'Hari libur ditambahkan: 2026-12-31 (Cuti Bersama Tahun Baru).',
    }]);
    for (const untouched of [resolved, rejected, earlier]) expect(await events(untouched)).toEqual([]);
    expect(await dueAt(resolved)).toBe('2026-12-31T16:59:59.999Z');
    expect((await listHolidays(t.db, 2026)).at(-1)).toEqual(holiday);

    expect(await inTransaction(removeHoliday, '2026-12-31', 'admin@example.org')).toEqual({ reportsRescheduled: 1 });
    expect(await dueAt(open)).toBe('2026-12-31T16:59:59.999Z');
    expect((await events(open)).map((e) => [e.kind, e.reason])).toEqual([
      ['deadline_changed', 'Hari libur ditambahkan: 2026-12-31 (Cuti Bersama Tahun Baru).'],
      ['deadline_changed', 'Hari libur dihapus: 2026-12-31 (Cuti Bersama Tahun Baru).'],
    ]);
  });
});
