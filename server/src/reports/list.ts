import { Type, type Static } from 'typebox';
import { sql, type Queryable } from '../db/database.ts';
import { appError } from '../http/error-catalogue.ts';
import { and, filterConditions, parseReportFilter, ReportFilterQuery } from './filters.ts';
import type { PublicReportPage } from './schemas.ts';

export const ReportListQuery = Type.Object({
  ...ReportFilterQuery.properties,
  ...Type.Object({
    bbox: Type.Optional(Type.String({
      pattern: '^-?\\d+(\\.\\d+)?(,-?\\d+(\\.\\d+)?){3}$',
      description: 'minLon,minLat,maxLon,maxLat (WGS 84)',
    })),
    limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
    cursor: Type.Optional(Type.String({ maxLength: 200, description: 'next_cursor of the previous page' })),
    format: Type.Optional(Type.String({
      maxLength: 40,
      description: 'Only `geojson` (the default); anything else is refused with 400 UNSUPPORTED_FORMAT. ' +
        'CSV and NDJSON of every report: /api/exports/reports.{csv,geojson,ndjson}',
    })),
  }).properties,
});
export type ReportListQuery = Static<typeof ReportListQuery>;

// Pages run newest first; the cursor is the (created_at, id) of the last row of the page, so
// a page is a keyset query on the (created_at, id) index, however deep.
// A cursor is only ever what listPublicReports wrote: anything else is refused here, before SQL.
const cursorInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function decodeCursor(cursor: string): { createdAt: string; id: number } {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw appError('INVALID_CURSOR');
  }
  if (!Array.isArray(decoded) || decoded.length !== 2) throw appError('INVALID_CURSOR');
  const [createdAt, id] = decoded;
  const valid = typeof createdAt === 'string' && cursorInstant.test(createdAt)
    // Date rolls 30 February over into March; the cursor's own day must survive the round trip.
    && new Date(createdAt).toISOString().slice(0, 19) === createdAt.slice(0, 19)
    && Number.isSafeInteger(id) && id > 0;
  if (!valid) throw appError('INVALID_CURSOR');
  return { createdAt, id };
}

/** The cursor after a report, from its created_at at microsecond precision and its id. */
export const encodeCursor = (createdAt: string, id: number) => Buffer.from(JSON.stringify([createdAt, id])).toString('base64url');

/**
 * A row of `reports` as a public GeoJSON feature (PublicReportProperties): no reporter, address
 * or device, which live elsewhere or are left out here, and the public point (snapped to the
 * grid for a sensitive category, privacy/grid.ts).
 */
export const publicReportFeature = sql`json_build_object(
             'type', 'Feature',
             'id', code,
             'geometry', ST_AsGeoJSON(public_location, 7)::json,
             'properties', json_build_object(
               'code', code, 'category', category_code, 'status', status, 'description', description,
               'kelurahan', kelurahan_code, 'kecamatan', kecamatan_code, 'city', city_code,
               'department', department_code, 'channel', channel,
               'created_at', to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               'updated_at', to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               'is_synthetic', is_synthetic))`;

/** minLon,minLat,maxLon,maxLat, checked: INVALID_BBOX when min > max or outside WGS 84. */
export function parseBbox(bbox: string) {
  const [minLon, minLat, maxLon, maxLat] = bbox.split(',').map(Number);
  if (minLon > maxLon || minLat > maxLat || minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90) {
    throw appError('INVALID_BBOX');
  }
  return { minLon, minLat, maxLon, maxLat };
}

/** A page of public reports, each at its public point, as a GeoJSON FeatureCollection built in PostgreSQL. */
export async function listPublicReports(db: Queryable, q: ReportListQuery): Promise<PublicReportPage> {
  if (q.format !== undefined && q.format !== 'geojson') {
    throw appError('UNSUPPORTED_FORMAT', { format: q.format, supported: ['geojson'] });
  }
  const conditions = filterConditions(parseReportFilter(q), { timeColumns: true });
  if (q.bbox) {
    const b = parseBbox(q.bbox);
    // The public point, never the exact one: a box must not find where a sensitive report really is.
    conditions.push(sql`public_location && ST_MakeEnvelope(${b.minLon}, ${b.minLat}, ${b.maxLon}, ${b.maxLat}, 4326)`);
  }
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    conditions.push(sql`(created_at, id) < (${c.createdAt}::timestamptz, ${c.id}::bigint)`);
  }
  const rows = await db.query<{ feature: PublicReportPage['features'][number]; created_at: string; id: number }>(sql`
    SELECT ${publicReportFeature} AS feature,
           to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at, id
    FROM reports
    WHERE ${and(conditions)}
    -- Qualified: a bare created_at would sort by the text column of the same name above, which
    -- gives the same order but no index, so every page sorted all reports (1.6 s at a million).
    ORDER BY reports.created_at DESC, reports.id DESC
    LIMIT ${q.limit + 1}`);
  const page = rows.slice(0, q.limit);
  const last = page.at(-1);
  return {
    type: 'FeatureCollection' as const,
    features: page.map((r) => r.feature),
    next_cursor: rows.length > q.limit && last ? encodeCursor(last.created_at, last.id) : null,
  };
}
