import { sql, type Queryable } from '../db/database.ts';
import { appError } from '../http/error-catalogue.ts';
import { recomputeOpenDeadlines } from './recompute.ts';

export const holidayKinds = ['national', 'cuti_bersama'] as const;
export type HolidayKind = (typeof holidayKinds)[number];

export interface Holiday {
  date: string; // YYYY-MM-DD, a day in Indonesia, not an instant
  name_id: string;
  name_en: string;
  kind: HolidayKind;
  source: string;
}

export interface CalendarChange {
  /** How many unresolved reports got a new deadline (each with a 'deadline_changed' event). */
  reportsRescheduled: number;
}

// Dates as text: the pg and PGlite drivers would turn a `date` into a midnight in the server's
// time zone, which is the wrong day for anyone east of it.
const columns = sql`to_char(date, 'YYYY-MM-DD') AS date, name_id, name_en, kind, source`;

/** The holidays of one calendar year, in date order. */
export async function listHolidays(db: Queryable, year: number): Promise<Holiday[]> {
  return db.query<Holiday>(sql`
    SELECT ${columns}
    FROM holidays
    WHERE date >= make_date(${year}::integer, 1, 1) AND date < make_date(${year}::integer + 1, 1, 1)
    ORDER BY date`);
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date between 2000 and 2100 ('2027-02-30' is refused, not rolled over). */
function checkDate(date: string): string | undefined {
  const m = isoDate.exec(date);
  if (!m) return 'must be a date written YYYY-MM-DD';
  const [year, month, day] = m.slice(1).map(Number);
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    return 'is not a calendar date';
  }
  if (year < 2000 || year > 2100) return 'must lie between 2000 and 2100';
  return undefined;
}

/** Checks and normalises a holiday typed by staff; throws INVALID_HOLIDAY listing every problem. */
export function validateHoliday(input: Holiday): Holiday {
  const problems: { field: string; problem: string }[] = [];
  const dateProblem = checkDate(String(input.date ?? ''));
  if (dateProblem) problems.push({ field: 'date', problem: dateProblem });
  const text = (field: 'name_id' | 'name_en' | 'source') => {
    const value = typeof input[field] === 'string' ? input[field].trim() : '';
    if (value.length < 1 || value.length > 200) problems.push({ field, problem: 'must be 1–200 characters' });
    return value;
  };
  const holiday = { date: input.date, name_id: text('name_id'), name_en: text('name_en'), kind: input.kind, source: text('source') };
  if (!holidayKinds.includes(input.kind)) {
    problems.push({ field: 'kind', problem: `must be one of ${holidayKinds.join(', ')}` });
  }
  if (problems.length) throw appError('INVALID_HOLIDAY', { details: problems });
  return holiday;
}

/**
 * Adds a non-working day and, in the caller's transaction, moves the deadlines of the unresolved
 * reports it falls within (audited on each report, see recompute.ts).
 */
export async function addHoliday(tx: Queryable, input: Holiday, actor: string): Promise<CalendarChange> {
  const h = validateHoliday(input);
  const inserted = await tx.query(sql`
    INSERT INTO holidays (date, name_id, name_en, kind, source)
    VALUES (${h.date}::date, ${h.name_id}, ${h.name_en}, ${h.kind}, ${h.source})
    ON CONFLICT (date) DO NOTHING
    RETURNING date`);
  if (!inserted.length) {
    throw appError('HOLIDAY_EXISTS', { date: h.date });
  }
  const reason = `Hari libur ditambahkan: ${h.date} (${h.name_id}).`;
  return { reportsRescheduled: await recomputeOpenDeadlines(tx, { actor, reason }) };
}

/** Removes a non-working day and moves the affected deadlines back, as addHoliday does. */
export async function removeHoliday(tx: Queryable, date: string, actor: string): Promise<CalendarChange> {
  const dateProblem = checkDate(date);
  if (dateProblem) throw appError('INVALID_HOLIDAY', { details: [{ field: 'date', problem: dateProblem }] });
  const [removed] = await tx.query<{ name_id: string }>(sql`
    DELETE FROM holidays WHERE date = ${date}::date RETURNING name_id`);
  if (!removed) {
    throw appError('HOLIDAY_NOT_FOUND', { date });
  }
  const reason = `Hari libur dihapus: ${date} (${removed.name_id}).`;
  return { reportsRescheduled: await recomputeOpenDeadlines(tx, { actor, reason }) };
}
