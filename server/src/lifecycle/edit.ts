import { sql, type Queryable } from '../db/database.ts';
import { appError } from '../http/error-catalogue.ts';
import { routeReport } from '../routing-rules/route-report.ts';
import type { Staff } from '../staff/queries.ts';
import { reportScope } from '../staff/scope.ts';
import { addEvent, lockReport } from './queries.ts';

export interface ReportCorrection {
  code: string;
  /** A moderator's edit, e.g. a phone number or name removed from the text. */
  description?: string;
  category?: string;
  lat?: number;
  lon?: number;
  reason: string;
}

/**
 * Staff correct a report's text, category or location (e.g. an SMS report placed at its kelurahan's
 * centre). Routing runs again, and every change is an audit event with old and new values.
 */
export async function correctReport(tx: Queryable, staff: Staff, c: ReportCorrection): Promise<void> {
  if ((c.lat === undefined) !== (c.lon === undefined)) {
    throw appError('VALIDATION_FAILED', { details: [{ field: 'body.lat', problem: 'lat and lon go together' }] });
  }
  const report = await lockReport(tx, c.code, reportScope(staff));
  if (!report) throw appError('REPORT_NOT_FOUND', { code: c.code });
  const category = c.category ?? report.category_code;
  const lon = c.lon ?? report.lon;
  const lat = c.lat ?? report.lat;
  if (!(await tx.query(sql`SELECT 1 FROM categories WHERE code = ${category}`)).length) {
    throw appError('UNKNOWN_CATEGORY', { categories: [category] });
  }
  const routing = await routeReport(tx, lon, lat, category);
  await tx.query(sql`
    UPDATE reports SET
      category_code = ${category},
      location = ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326),
      city_code = ${routing.cityCode}, kecamatan_code = ${routing.kecamatanCode},
      kelurahan_code = ${routing.kelurahanCode}, department_code = ${routing.departmentCode},
      routing_explanation = ${JSON.stringify(routing.explanation)}, updated_at = now()
    WHERE id = ${report.id}`);
  const actor = `staff:${staff.id}`;
  if (c.description !== undefined) {
    const [{ description: old }] = await tx.query<{ description: string }>(sql`
      SELECT description FROM reports WHERE id = ${report.id}`);
    await tx.query(sql`UPDATE reports SET description = ${c.description.trim()} WHERE id = ${report.id}`);
    // The old text stays in the private audit trail only; the public timeline says it was edited.
    await addEvent(tx, {
      reportId: report.id, kind: 'description_edited', actor, oldValue: { description: old },
      newValue: { description: c.description.trim() }, reason: c.reason, isPublic: false,
    });
  }
  if (category !== report.category_code) {
    await addEvent(tx, {
      reportId: report.id, kind: 'category_changed', actor, oldValue: { category: report.category_code },
      newValue: { category }, reason: c.reason, isPublic: true,
    });
  }
  if (lon !== report.lon || lat !== report.lat) {
    await addEvent(tx, {
      reportId: report.id, kind: 'location_changed', actor, oldValue: { lon: report.lon, lat: report.lat },
      newValue: { lon, lat }, reason: c.reason, isPublic: true,
    });
  }
  await addEvent(tx, {
    reportId: report.id, kind: 'rerouted', actor,
    oldValue: { department: report.department_code, kelurahan: report.kelurahan_code },
    newValue: routing.explanation, reason: c.reason, isPublic: false,
  });
}
