import { sql, type Queryable } from '../db/database.ts';
import type { DepartmentExplanation } from './explanation.ts';

export interface RoutingQuestion {
  lon: number;
  lat: number;
  categoryCode: string;
  cityCode: string;
  /** As decided by route_kelurahan: area rules judge the kelurahan the report is filed under. */
  kelurahanCode: string;
  kecamatanCode: string;
}

export interface DepartmentRouting {
  departmentCode: string;
  responsibleUnit?: string;
  /** The kelurahan whose desk handles the report, when the matched rule named one. */
  handlingKelurahanCode?: string;
  explanation: DepartmentExplanation;
}

/**
 * Who receives a report at this point: the first matching routing rule, else the category's
 * default city department. The rules are evaluated by route_department
 * (db/functions/route_department.sql), the same function the set-based re-route runs over
 * open reports.
 */
export async function evaluateRouting(db: Queryable, q: RoutingQuestion): Promise<DepartmentRouting> {
  const [routed] = await db.query<{
    department_code: string; responsible_unit: string | null; handling_kelurahan_code: string | null; explanation: DepartmentExplanation;
  }>(sql`
    SELECT department_code, responsible_unit, handling_kelurahan_code, explanation
    FROM route_department(ST_SetSRID(ST_MakePoint(${q.lon}, ${q.lat}), 4326),
                          ${q.categoryCode}, ${q.cityCode}, ${q.kecamatanCode}, ${q.kelurahanCode})`);
  if (!routed) {
    throw new Error(`No routing rule matched and no department of city ${q.cityCode} handles category ${q.categoryCode}`);
  }
  return {
    departmentCode: routed.department_code,
    ...(routed.responsible_unit ? { responsibleUnit: routed.responsible_unit } : {}),
    ...(routed.handling_kelurahan_code ? { handlingKelurahanCode: routed.handling_kelurahan_code } : {}),
    explanation: routed.explanation,
  };
}
