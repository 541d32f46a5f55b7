import { Type } from 'typebox';
import { sql, type Sql } from '../db/database.ts';
import { and, filterConditions, parseReportFilter, publicStatuses, ReportFilterQuery } from '../reports/filters.ts';
import { decodeCursor, encodeCursor, publicReportFeature } from '../reports/list.ts';
import { PublicReportProperties } from '../reports/schemas.ts';
import type { ItemsRequest, OgcCollection, OgcFeature, ReadContext } from './collection.ts';
import type { Queryables } from './cql2/to-sql.ts';
import { extentOf } from './extent.ts';
import { summarised } from './summaries.ts';

// Public reports as OGC features: the same rows, visibility and GeoJSON as GET /api/reports
// (reports/list.ts), with the same keyset cursor on (created_at, id) behind the `next` links.

const { category, status, kelurahan } = ReportFilterQuery.properties;

const queryables: Queryables = {
  geometry: { type: 'geometry', column: sql`public_location`, description: 'Where the report is (a point; snapped to a grid for a sensitive category)' },
  code: { type: 'string', column: sql`code`, description: 'Tracking code, e.g. TGR-7K3P9Q' },
  category: { type: 'string', column: sql`category_code`, description: 'Category code' },
  status: { type: 'string', column: sql`status`, description: 'Status (public ones only)', enum: publicStatuses },
  description: { type: 'string', column: sql`description`, description: 'What the resident wrote' },
  kelurahan: { type: 'string', column: sql`kelurahan_code`, description: 'Kelurahan code, e.g. 36.71.01.1001' },
  kecamatan: { type: 'string', column: sql`kecamatan_code`, description: 'Kecamatan code, e.g. 36.71.01' },
  city: { type: 'string', column: sql`city_code`, description: 'City code: 36.71 Kota Tangerang, 36.74 Kota Tangerang Selatan' },
  department: { type: 'string', column: sql`department_code`, description: 'Department the report is routed to' },
  channel: { type: 'string', column: sql`channel`, description: 'How it was sent', enum: ['web', 'sms', 'phone', 'walk_in', 'api'] },
  created_at: { type: 'timestamp', column: sql`reports.created_at`, description: 'When it was reported' },
  updated_at: { type: 'timestamp', column: sql`reports.updated_at`, description: 'When it last changed' },
  is_synthetic: { type: 'boolean', column: sql`is_synthetic`, description: 'Generated demo data, never a real report' },
};

/** Everything a page is filtered by, but the cursor: also what numberMatched counts. */
function conditions(q: ItemsRequest): Sql[] {
  const own = q.own as { category?: string; status?: string; kelurahan?: string };
  const where = filterConditions(parseReportFilter(own), { timeColumns: false });
  if (q.bbox) where.push(sql`public_location && ST_MakeEnvelope(${q.bbox.minLon}, ${q.bbox.minLat}, ${q.bbox.maxLon}, ${q.bbox.maxLat}, 4326)`);
  if (q.datetime?.start) where.push(sql`reports.created_at >= ${q.datetime.start}::timestamptz`);
  if (q.datetime?.end) where.push(sql`reports.created_at <= ${q.datetime.end}::timestamptz`);
  if (q.filter) where.push(sql`(${q.filter})`);
  return where;
}

async function page(read: ReadContext, q: ItemsRequest) {
  const { db } = read;
  const where = conditions(q);
  const matching = and(where);
  const count = await summarised(read, ['count', matching.sql, matching.values], async () =>
    (await db.query<{ count: number }>(sql`SELECT count(*)::int AS count FROM reports WHERE ${matching}`))[0].count);
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    where.push(sql`(reports.created_at, id) < (${c.createdAt}::timestamptz, ${c.id}::bigint)`);
  }
  const rows = await db.query<{ feature: OgcFeature; after: string; id: number }>(sql`
    SELECT ${publicReportFeature} AS feature,
           to_char(reports.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS after, id
    FROM reports
    WHERE ${and(where)}
    ORDER BY reports.created_at DESC, reports.id DESC
    LIMIT ${q.limit + 1}`);
  const features = rows.slice(0, q.limit);
  const last = features.at(-1);
  return {
    features: features.map((r) => r.feature),
    numberMatched: count,
    next: rows.length > q.limit && last ? encodeCursor(last.after, last.id) : undefined,
  };
}

export const reportsCollection: OgcCollection = {
  id: 'reports',
  title: 'Public reports',
  description: 'Complaints of residents of Kota Tangerang and Kota Tangerang Selatan that the public may see ' +
    '(published and later; never those awaiting moderation or rejected), newest first, without any personal data.',
  properties: PublicReportProperties,
  featureId: Type.String({ description: 'The tracking code' }),
  parameters: Type.Object({ category, status, kelurahan }),
  queryables,
  temporal: true,
  extent: (read) => summarised(read, ['extent'], () => extentOf(read.db, sql`
    SELECT ST_Extent(public_location) AS box, min(created_at) AS first, max(created_at) AS last
    FROM reports WHERE status = ANY(${[...publicStatuses]})`)),
  items: page,
  async item({ db }, id) {
    const [row] = await db.query<{ feature: OgcFeature }>(sql`
      SELECT ${publicReportFeature} AS feature FROM reports WHERE code = ${id} AND status = ANY(${[...publicStatuses]})`);
    return row?.feature;
  },
};
