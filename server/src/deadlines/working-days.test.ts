import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../db/database.ts';
import { createTestDatabase, type TestDatabase } from '../test/database.ts';
import { addWorkingDays } from './due-at.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.drop());

/** A WIB wall-clock time, e.g. wib('2026-11-20 22:00'), as an instant. */
const wib = (local: string) => new Date(`${local.replace(' ', 'T')}+07:00`);
/** The deadline instant that ends a WIB day: 23:59:59.999 WIB. */
const endOf = (day: string) => wib(`${day} 23:59:59.999`);
const due = (start: Date, days: number) => addWorkingDays(t.db, start, days);

describe('add_working_days: weekends', () => {
  it('counts from the next day: Friday 22:00 WIB plus 1 working day is the end of Monday', async () => {
    expect(await due(wib('2026-11-20 22:00'), 1)).toEqual(endOf('2026-11-23'));
  });

  it('never counts the day of submission, even early on a working day', async () => {
    expect(await due(wib('2026-11-23 00:00'), 1)).toEqual(endOf('2026-11-24'));
    expect(await due(wib('2026-11-23 08:00'), 5)).toEqual(endOf('2026-11-30'));
  });

  it('counts a report from Saturday or Sunday from Monday', async () => {
    expect(await due(wib('2026-11-21 10:00'), 1)).toEqual(endOf('2026-11-23'));
    expect(await due(wib('2026-11-22 23:59:59.999'), 1)).toEqual(endOf('2026-11-23'));
    expect(await due(wib('2026-11-21 10:00'), 2)).toEqual(endOf('2026-11-24'));
  });

  it('ends on the last millisecond of the WIB day, which is 16:59:59.999 UTC', async () => {
    expect((await due(wib('2026-11-23 08:00'), 1))?.toISOString()).toBe('2026-11-24T16:59:59.999Z');
  });
});

describe('add_working_days: Asia/Jakarta local days', () => {
  it('keeps 23:30 WIB (16:30 UTC) on the same local day', async () => {
    // Thursday 23:30 WIB: Friday is the first working day after it.
    expect(await due(new Date('2026-11-19T16:30:00Z'), 1)).toEqual(endOf('2026-11-20'));
  });

  it('puts 00:30 WIB on the new local day although UTC is still on the previous one', async () => {
    // 17:30 UTC Thursday is 00:30 WIB Friday, so counting starts on Saturday: due Monday.
    expect(await due(new Date('2026-11-19T17:30:00Z'), 1)).toEqual(endOf('2026-11-23'));
  });

  it('does not depend on the session time zone', async () => {
    const dueAt = await t.db.transaction(async (tx) => {
      await tx.query(sql`SET LOCAL TimeZone = 'America/Los_Angeles'`);
      const [row] = await tx.query<{ due_at: Date }>(sql`
        SELECT add_working_days('2026-11-19T16:30:00Z'::timestamptz, 1) AS due_at`);
      return row.due_at;
    });
    expect(dueAt).toEqual(endOf('2026-11-20'));
  });
});

describe('add_working_days: holidays and cuti bersama', () => {
  it('skips a national holiday (Maulid Nabi, Tuesday 25 August 2026)', async () => {
    expect(await due(wib('2026-08-24 09:00'), 1)).toEqual(endOf('2026-08-26'));
  });

  it('skips cuti bersama as well (Ascension 14 May 2026, cuti bersama Friday 15 May)', async () => {
    expect(await due(wib('2026-05-13 09:00'), 1)).toEqual(endOf('2026-05-18'));
  });

  it('skips the whole Nyepi and Lebaran break of March 2026', async () => {
    // 18 cuti bersama, 19 Nyepi, 20 cuti bersama, 21–22 Idul Fitri (weekend), 23–24 cuti bersama.
    expect(await due(wib('2026-03-17 09:00'), 1)).toEqual(endOf('2026-03-25'));
    expect(await due(wib('2026-03-17 09:00'), 3)).toEqual(endOf('2026-03-27'));
  });

  it('counts a report made on a holiday from the next working day', async () => {
    expect(await due(wib('2026-12-25 10:00'), 1)).toEqual(endOf('2026-12-28'));
    expect(await due(wib('2026-08-17 10:00'), 1)).toEqual(endOf('2026-08-18'));
  });

  it('crosses the year end: from 30 December 2026 over New Year and Isra Mikraj 2027', async () => {
    expect(await due(wib('2026-12-30 14:00'), 1)).toEqual(endOf('2026-12-31'));
    // 1 January is a holiday, 2–3 January a weekend.
    expect(await due(wib('2026-12-30 14:00'), 2)).toEqual(endOf('2027-01-04'));
    // 5 January 2027 is Isra Mikraj (provisional).
    expect(await due(wib('2026-12-30 14:00'), 3)).toEqual(endOf('2027-01-06'));
    // 24 December 2026 cuti bersama, 25 Christmas.
    expect(await due(wib('2026-12-23 10:00'), 1)).toEqual(endOf('2026-12-28'));
  });

  it('gives no deadline for zero working days, nor past the end of the calendar in 2100', async () => {
    expect(await due(wib('2026-11-23 08:00'), 0)).toBeNull();
    expect(await due(wib('2100-12-31 08:00'), 1)).toBeNull();
  });
});

describe('add_working_days against a day-by-day count', () => {
  it('agrees for every submission day of 2025–2027 and 1, 2, 5, 10, 15 and 60 working days', async () => {
    const holidays = new Set(
      (await t.db.query<{ date: string }>(sql`SELECT to_char(date, 'YYYY-MM-DD') AS date FROM holidays`)).map((h) => h.date),
    );
    expect(holidays.size).toBeGreaterThan(70);
    const counts = [1, 2, 5, 10, 15, 60];
    const rows = await t.db.query<{ start_day: string; days: number; due_day: string; due_at: Date }>(sql`
      SELECT to_char(start_day, 'YYYY-MM-DD') AS start_day, days,
             to_char(add_working_days(start_day + time '12:00' AT TIME ZONE 'Asia/Jakarta', days)
                     AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD') AS due_day,
             add_working_days(start_day + time '12:00' AT TIME ZONE 'Asia/Jakarta', days) AS due_at
      FROM generate_series(0, date '2027-12-31' - date '2025-01-01') AS n,
           LATERAL (SELECT date '2025-01-01' + n AS start_day) AS s,
           unnest(${counts}::integer[]) AS days`);
    expect(rows).toHaveLength(1095 * counts.length);

    const isWorking = (d: Date) => d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !holidays.has(d.toISOString().slice(0, 10));
    const disagreements = rows.filter((row) => {
      const d = new Date(`${row.start_day}T00:00:00Z`);
      for (let left = row.days; left > 0; ) {
        d.setUTCDate(d.getUTCDate() + 1);
        if (isWorking(d)) left--;
      }
      const expected = d.toISOString().slice(0, 10);
      return row.due_day !== expected || row.due_at.getTime() !== endOf(expected).getTime();
    });
    expect(disagreements).toEqual([]);
  });
});
