import { sql, type Queryable } from '../db/database.ts';
import { appError } from '../http/error-catalogue.ts';
import { evaluateRouting } from './evaluate.ts';
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

interface KelurahanMatch {
  kelurahan_code: string;
  kecamatan_code: string;
  city_code: string;
  code_prefix: string;
  rule: string;
  distance_m: number;
  candidates: string[];
}

async function kelurahanAt(db: Queryable, lon: number, lat: number): Promise<KelurahanMatch | undefined> {
  // route_kelurahan (db/functions/route_kelurahan.sql) holds the rule for slivers and gaps
  // between kelurahan.
  const [match] = await db.query<KelurahanMatch>(sql`
    SELECT r.*, c.code_prefix
    FROM route_kelurahan(ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326)) AS r
    JOIN cities c ON c.code = r.city_code`);
  return match;
}

/**
 * Who receives a report at this point: the kelurahan (and its kecamatan and city) by the
 * boundary rule, and the department by the routing rules, else the category's default city
 * department (routing-rules/evaluate.ts).
 */
export async function routeReport(db: Queryable, lon: number, lat: number, categoryCode: string): Promise<RoutingResult> {
  const match = await kelurahanAt(db, lon, lat);
  if (!match) throw appError('OUTSIDE_SERVICE_AREA');
  const department = await evaluateRouting(db, {
    lon, lat, categoryCode,
    cityCode: match.city_code, kecamatanCode: match.kecamatan_code, kelurahanCode: match.kelurahan_code,
  });
  return {
    cityCode: match.city_code,
    cityPrefix: match.code_prefix,
    kecamatanCode: match.kecamatan_code,
    kelurahanCode: match.kelurahan_code,
    departmentCode: department.departmentCode,
    responsibleUnit: department.responsibleUnit,
    handlingKelurahanCode: department.handlingKelurahanCode,
    explanation: {
      kelurahan: {
        code: match.kelurahan_code,
        rule: match.rule,
        distance_m: match.distance_m,
        candidates: match.candidates,
      },
      department: department.explanation,
    },
  };
}
