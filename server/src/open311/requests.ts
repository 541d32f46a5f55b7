import { Type, type Static } from 'typebox';
import { join, sql, type Queryable, type Sql } from '../db/database.ts';
import { appError } from '../http/error-catalogue.ts';
import { isoTime } from '../reports/report-view.ts';
import { JurisdictionId, Locale, type ServiceRequest } from './schemas.ts';
import { jurisdictionCities } from './services.ts';
import { closedStatuses, openStatuses, statusesFor, type Open311Status } from './status.ts';

const codeList = (pattern: string, description: string) =>
  Type.String({ pattern: `^${pattern}(,${pattern})*$`, maxLength: 1000, description });
const trackingCode = '[A-Za-z]{3}-[0-9A-Za-z]{6}';

/** GET requests: the specification's parameters, then the paging and bbox extensions most servers offer. */
export const RequestsQuery = Type.Object({
  service_request_id: Type.Optional(codeList(trackingCode, 'Comma-separated ids; when given, every other filter is ignored')),
  service_code: Type.Optional(codeList('[a-z_]{2,40}', 'Comma-separated service codes')),
  start_date: Type.Optional(Type.String({ format: 'date-time', description: 'Requested at or after (ISO 8601)' })),
  end_date: Type.Optional(Type.String({ format: 'date-time', description: 'Requested before (ISO 8601)' })),
  status: Type.Optional(codeList('(open|closed)', 'open, closed or both')),
  jurisdiction_id: JurisdictionId,
  locale: Locale,
  bbox: Type.Optional(Type.String({
    pattern: '^-?\\d+(\\.\\d+)?(,-?\\d+(\\.\\d+)?){3}$', maxLength: 100, description: 'minLon,minLat,maxLon,maxLat (WGS 84)',
  })),
  page: Type.Integer({ minimum: 1, maximum: 1000, default: 1 }),
  page_size: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
});
export type RequestsQuery = Static<typeof RequestsQuery>;

/** Without dates the specification answers the last 90 days; a longer span would be an export, not a query. */
export const maxRangeDays = 90;
const dayMs = 86_400_000;

/**
 * A date the format let through but the calendar or PostgreSQL would not take (a leap second,
 * 30 February, the year 0000 or 10000) is refused here, before SQL; reports begin well after
 * 1900 and a deadline ends before 2200.
 */
function dateOf(field: 'start_date' | 'end_date', value: string): Date {
  const date = new Date(value);
  const [, month, day] = /^\d{4}-(\d{2})-(\d{2})/.exec(value) ?? [];
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < 1900 || year > 2199 || Number(day) > new Date(Date.UTC(year, Number(month), 0)).getUTCDate()) {
    throw appError('INVALID_DATE', { field, value });
  }
  return date;
}

function period(q: RequestsQuery): { from: Date; to: Date } {
  const start = q.start_date === undefined ? undefined : dateOf('start_date', q.start_date);
  const to = q.end_date ? dateOf('end_date', q.end_date) : start ? new Date(start.getTime() + maxRangeDays * dayMs) : new Date();
  const from = start ?? new Date(to.getTime() - maxRangeDays * dayMs);
  if (from > to) throw appError('INVALID_PERIOD');
  if (to.getTime() - from.getTime() > maxRangeDays * dayMs) throw appError('DATE_RANGE_TOO_LONG', { maxDays: maxRangeDays });
  return { from, to };
}

function bboxCondition(bbox: string): Sql {
  const [minLon, minLat, maxLon, maxLat] = bbox.split(',').map(Number);
  if (minLon > maxLon || minLat > maxLat || minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90) throw appError('INVALID_BBOX');
  return sql`r.public_location && ST_MakeEnvelope(${minLon}, ${minLat}, ${maxLon}, ${maxLat}, 4326)`;
}

/**
 * One report as a GeoReport service request, over `reports r` joined to its category and
 * department. Nothing is read from `reporters`, nor the source or address hashes: no GET
 * answer can carry a reporter's contact or device.
 */
function requestFields(locale: 'id' | 'en', publicBaseUrl: string): Sql {
  const merged = locale === 'en' ? 'Merged into ' : 'Digabung ke ';
  const referredTo = locale === 'en' ? 'Referred to ' : 'Dirujuk ke ';
  const cannotFix = locale === 'en' ? 'Cannot be fixed: ' : 'Tidak dapat diperbaiki: ';
  return sql`json_build_object(
    'service_request_id', r.code,
    'status', CASE WHEN r.status = ANY(${[...openStatuses]}) THEN 'open' ELSE 'closed' END,
    -- The latest public explanation; a referral names its agency first, an unfixable report its reason.
    'status_notes', COALESCE(
      (SELECT CASE WHEN e.new_value ->> 'agency' IS NOT NULL THEN ${referredTo} || (e.new_value ->> 'agency') || '. ' || e.reason
                   WHEN e.new_value ->> 'status' = 'cannot_fix' AND e.new_value ->> 'reason' IS NOT NULL
                     THEN ${cannotFix} || (e.new_value ->> 'reason') || '. ' || e.reason
                   ELSE e.reason END
       FROM report_events e
       WHERE e.report_id = r.id AND e.is_public AND e.reason IS NOT NULL ORDER BY e.id DESC LIMIT 1),
      (SELECT ${merged} || p.code FROM reports p WHERE p.id = r.duplicate_of)),
    'service_name', ${locale === 'en' ? sql`c.name_en` : sql`c.name_id`},
    'service_code', r.category_code,
    'description', r.description,
    'agency_responsible', d.name,
    'service_notice', NULL,
    'requested_datetime', ${isoTime(sql`r.created_at`)},
    'updated_datetime', ${isoTime(sql`r.updated_at`)},
    'expected_datetime', ${isoTime(sql`r.due_at`)},
    -- A sensitive category's report is published at its grid point only (privacy/grid.ts).
    'address', CASE WHEN c.sensitive THEN NULL ELSE r.address END,
    'address_id', NULL,
    'zipcode', NULL,
    'lat', ST_Y(r.public_location),
    'long', ST_X(r.public_location),
    -- A link the client gave (never fetched), else the first photo taken at the problem.
    'media_url', COALESCE(
      (SELECT s.media_url FROM open311_submissions s WHERE s.report_id = r.id),
      (SELECT ${publicBaseUrl} || '/media/photos/' || ph.id || '.jpg' FROM report_photos ph
       WHERE ph.report_id = r.id AND ph.kind = 'before' ORDER BY ph.position LIMIT 1)))`;
}

type Request = Static<typeof ServiceRequest>;
const publicStatuses = [...openStatuses, ...closedStatuses];

/** GET requests: public reports, newest first, one page. */
export async function listRequests(db: Queryable, q: RequestsQuery, publicBaseUrl: string): Promise<Request[]> {
  const conditions: Sql[] = [sql`r.status = ANY(${publicStatuses})`];
  if (q.service_request_id) {
    conditions.push(sql`r.code = ANY(${q.service_request_id.toUpperCase().split(',')})`);
  } else {
    const { from, to } = period(q);
    conditions.push(sql`r.created_at >= ${from.toISOString()}::timestamptz`, sql`r.created_at < ${to.toISOString()}::timestamptz`);
    if (q.service_code) conditions.push(sql`r.category_code = ANY(${q.service_code.split(',')})`);
    if (q.status) conditions.push(sql`r.status = ANY(${statusesFor(q.status.split(',') as Open311Status[])})`);
    const cities = await jurisdictionCities(db, q.jurisdiction_id);
    if (cities) conditions.push(sql`r.city_code = ANY(${cities})`);
    if (q.bbox) conditions.push(bboxCondition(q.bbox));
  }
  const rows = await db.query<{ request: Request }>(sql`
    SELECT ${requestFields(q.locale ?? 'id', publicBaseUrl)} AS request
    FROM reports r
    JOIN categories c ON c.code = r.category_code
    JOIN departments d ON d.code = r.department_code
    WHERE ${join(conditions, ' AND ')}
    ORDER BY r.created_at DESC, r.id DESC
    LIMIT ${q.page_size} OFFSET ${(q.page - 1) * q.page_size}`);
  return rows.map((row) => row.request);
}

/** GET requests/{id}: one public report; SERVICE_REQUEST_NOT_FOUND for any other code. */
export async function findRequest(db: Queryable, code: string, locale: 'id' | 'en', publicBaseUrl: string): Promise<Request> {
  const [row] = await db.query<{ request: Request }>(sql`
    SELECT ${requestFields(locale, publicBaseUrl)} AS request
    FROM reports r
    JOIN categories c ON c.code = r.category_code
    JOIN departments d ON d.code = r.department_code
    WHERE r.code = ${code.toUpperCase()} AND r.status = ANY(${publicStatuses})`);
  if (!row) throw appError('SERVICE_REQUEST_NOT_FOUND', { id: code });
  return row.request;
}

/** GET tokens/{token}: the token is the tracking code, which becomes a service_request_id once the report is public. */
export async function findToken(db: Queryable, token: string): Promise<{ token: string; service_request_id?: string }> {
  const [row] = await db.query<{ status: string }>(sql`SELECT status FROM reports WHERE code = ${token.toUpperCase()}`);
  if (!row) throw appError('TOKEN_NOT_FOUND', { token });
  return (publicStatuses as string[]).includes(row.status) ? { token, service_request_id: token.toUpperCase() } : { token };
}
