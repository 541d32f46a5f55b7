import { sql, type Queryable } from '../db/database.ts';
import { appError } from '../http/error-catalogue.ts';
import type { DepartmentExplanation } from './explanation.ts';

export interface RoutingResult {
  cityCode: string;
  cityPrefix: string;
  kecamatanCode: string;
  kelurahanCode: string;
  departmentCode: string;
  /** Who answers on the ground when a routing rule names someone other than the kelurahan. */
  responsibleUnit?: string;
  /** The kelurahan whose desk handles it when a rule named one; kelurahanCode stays where it lies. */
  handlingKelurahanCode?: string;
  explanation: {
    kelurahan: { code: string; rule: string; distance_m: number; candidates: string[] };
    department: DepartmentExplanation;
  };
}

/**
 * Who receives a report at this point: the kelurahan (and its kecamatan and city) by the
 * boundary rule, and the department by the routing rules, else the category's default city
 * department. route_report (db/functions/route_report.sql) answers, the same function a new
 * report is routed with (submit_report.sql), so the explanation is exactly what a report stores.
 */
export async function routeReport(db: Queryable, lon: number, lat: number, categoryCode: string): Promise<RoutingResult> {
  const [routed] = await db.query<{
    city_code: string; city_prefix: string; kecamatan_code: string; kelurahan_code: string;
    department_code: string | null; responsible_unit: string | null; handling_kelurahan_code: string | null;
    explanation: RoutingResult['explanation'];
  }>(sql`SELECT * FROM route_report(ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326), ${categoryCode})`);
  if (!routed) throw appError('OUTSIDE_SERVICE_AREA');
  if (!routed.department_code) {
    throw new Error(`No routing rule matched and no department of city ${routed.city_code} handles category ${categoryCode}`);
  }
  return {
    cityCode: routed.city_code,
    cityPrefix: routed.city_prefix,
    kecamatanCode: routed.kecamatan_code,
    kelurahanCode: routed.kelurahan_code,
    departmentCode: routed.department_code,
    ...(routed.responsible_unit ? { responsibleUnit: routed.responsible_unit } : {}),
    ...(routed.handling_kelurahan_code ? { handlingKelurahanCode: routed.handling_kelurahan_code } : {}),
    explanation: routed.explanation,
  };
}
