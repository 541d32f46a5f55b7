import { sql, type Queryable } from '../db/database.ts';

export interface ConstructedReport {
  code: string;
  category?: string;
  kelurahanCode: string;
  createdAt: string;
  status?: string;
  dueAt?: string | null;
  dueWorkingDays?: number;
  resolvedAt?: string | null;
  /** When it was referred, found impossible to fix or found to need no action. */
  outcomeAt?: string | null;
}

/**
 * Inserts a report with exactly the times a test needs (submission, deadline, resolution),
 * located at its kelurahan's label point and given the department of its category's kind in
 * that city, as routing would.
 */
export async function insertConstructedReport(db: Queryable, r: ConstructedReport): Promise<number> {
  const category = r.category ?? 'sampah';
  const dueAt = r.dueAt === undefined ? null : r.dueAt;
  const [row] = await db.query<{ id: number }>(sql`
    INSERT INTO reports (code, category_code, description, status, location, city_code, kecamatan_code,
                         kelurahan_code, department_code, routing_explanation, created_at, updated_at,
                         due_at, due_counted_from, due_working_days, resolved_at, outcome_at)
    SELECT ${r.code}, c.code, 'Laporan buatan untuk uji tenggat', ${r.status ?? 'published'}, k.label_point,
           k.city_code, k.kecamatan_code, k.code, d.code, '{}'::jsonb, ${r.createdAt}::timestamptz,
           ${r.createdAt}::timestamptz, ${dueAt}::timestamptz,
           CASE WHEN ${dueAt}::timestamptz IS NULL THEN NULL ELSE ${r.createdAt}::timestamptz END,
           CASE WHEN ${dueAt}::timestamptz IS NULL THEN NULL ELSE ${r.dueWorkingDays ?? 3}::integer END,
           ${r.resolvedAt ?? null}::timestamptz, ${r.outcomeAt ?? null}::timestamptz
    FROM kelurahan k
    JOIN categories c ON c.code = ${category}
    JOIN departments d ON d.city_code = k.city_code AND d.kind = c.department_kind
    WHERE k.code = ${r.kelurahanCode}
    RETURNING id`);
  if (!row) throw new Error(`no kelurahan ${r.kelurahanCode} or category ${category}`);
  return row.id;
}

/** The first kelurahan of each city, for reports that must land in different places. */
export async function twoKelurahan(db: Queryable): Promise<{ tangerang: string; tangsel: string }> {
  const rows = await db.query<{ city_code: string; code: string }>(sql`
    SELECT DISTINCT ON (city_code) city_code, code FROM kelurahan ORDER BY city_code, code`);
  const by = Object.fromEntries(rows.map((r) => [r.city_code, r.code]));
  return { tangerang: by['36.71'], tangsel: by['36.74'] };
}
