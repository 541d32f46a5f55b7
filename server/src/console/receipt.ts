import { sql, type Queryable, type Sql } from '../db/database.ts';
import type { Staff } from '../staff/queries.ts';
import type { Receipt } from './schemas.ts';

/**
 * What the printed receipt shows the resident: the code and where the report went, nothing
 * private. The staff member who filed it may print it again even when the report went to
 * another desk's scope (a kelurahan office takes a walk-in about the next kelurahan).
 */
export async function findReceipt(db: Queryable, staff: Staff, scope: Sql, code: string): Promise<Receipt | null> {
  const [row] = await db.query<Receipt>(sql`
    SELECT r.code, r.channel, r.status, c.code AS category, c.name_id AS category_name_id, c.name_en AS category_name_en,
           kel.name AS kelurahan, kec.name AS kecamatan, city.name AS city, d.name AS department,
           r.address, r.location_is_approximate,
           to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
           to_char(r.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS due_at,
           s.name AS filed_by
    FROM reports r
    JOIN categories c ON c.code = r.category_code
    JOIN kelurahan kel ON kel.code = r.kelurahan_code
    JOIN kecamatan kec ON kec.code = r.kecamatan_code
    JOIN cities city ON city.code = r.city_code
    JOIN departments d ON d.code = r.department_code
    LEFT JOIN report_events e ON e.report_id = r.id AND e.kind = 'submitted'
    LEFT JOIN staff s ON e.actor = 'staff:' || s.id
    WHERE r.code = ${code}
      AND (${scope} OR e.actor = ${`staff:${staff.id}`})`);
  return row ?? null;
}
