import { sql, type Queryable } from '../db/database.ts';
import type { DepartmentSupervisor, KelurahanSupervisor } from './schemas.ts';

// Who is told of overdue reports: the supervisor of each department (departments.supervisor_email,
// migration 0022) and of each kelurahan (kelurahan.supervisor_email, migration 0104). Read by the
// escalation e-mail (notifications/queries.ts) and the daily digest (escalation/digest.ts).

export async function listSupervisors(db: Queryable): Promise<{
  departments: DepartmentSupervisor[]; kelurahan: KelurahanSupervisor[];
}> {
  const departments = await db.query<DepartmentSupervisor>(sql`
    SELECT d.code, d.name, d.short_name, ci.name AS city_name, d.supervisor_email
    FROM departments d
    LEFT JOIN cities ci ON ci.code = d.city_code
    ORDER BY ci.name NULLS FIRST, d.name`);
  const kelurahan = await db.query<KelurahanSupervisor>(sql`
    SELECT k.code, k.name, kc.name AS kecamatan_name, ci.name AS city_name, k.supervisor_email
    FROM kelurahan k
    JOIN kecamatan kc ON kc.code = k.kecamatan_code
    JOIN cities ci ON ci.code = k.city_code
    ORDER BY ci.name, kc.name, k.name`);
  return { departments, kelurahan };
}

/** Sets (or, with null, removes) a department's supervisor; undefined for an unknown department. */
export async function setDepartmentSupervisor(
  tx: Queryable, code: string, email: string | null,
): Promise<DepartmentSupervisor | undefined> {
  const [row] = await tx.query<DepartmentSupervisor>(sql`
    UPDATE departments d SET supervisor_email = ${email}
    WHERE d.code = ${code}
    RETURNING d.code, d.name, d.short_name,
              (SELECT ci.name FROM cities ci WHERE ci.code = d.city_code) AS city_name, d.supervisor_email`);
  return row;
}

/** Sets (or, with null, removes) a kelurahan's supervisor; undefined for an unknown kelurahan. */
export async function setKelurahanSupervisor(
  tx: Queryable, code: string, email: string | null,
): Promise<KelurahanSupervisor | undefined> {
  const [row] = await tx.query<KelurahanSupervisor>(sql`
    UPDATE kelurahan k SET supervisor_email = ${email}
    FROM kecamatan kc, cities ci
    WHERE k.code = ${code} AND kc.code = k.kecamatan_code AND ci.code = k.city_code
    RETURNING k.code, k.name, kc.name AS kecamatan_name, ci.name AS city_name, k.supervisor_email`);
  return row;
}
