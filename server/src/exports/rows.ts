import { raw, sql, type Database, type Sql } from '../db/database.ts';
import { and, filterConditions, type ReportFilter } from '../reports/filters.ts';
import { exportFields } from './fields.ts';

export type ExportFormat = 'csv' | 'geojson' | 'ndjson';
export const exportFormats: ExportFormat[] = ['csv', 'geojson', 'ndjson'];

export interface ExportSelection {
  filter: ReportFilter;
  bbox?: { minLon: number; minLat: number; maxLon: number; maxLat: number };
}

/** Rows fetched per round trip: a few hundred kB of text, whatever the size of the export. */
export const batchRows = 2000;

// CSV rows are the fields as columns (csv-stringify quotes them in JavaScript); GeoJSON and
// NDJSON rows are one Feature each, assembled in PostgreSQL like the list API's.
function selectList(format: ExportFormat): Sql {
  if (format === 'csv') return raw(exportFields.map((f) => `${f.sql} AS ${f.name}`).join(',\n       '));
  const properties = exportFields.filter((f) => !f.csvOnly).map((f) => `'${f.name}', ${f.sql}`).join(',\n         ');
  return raw(`json_build_object(
       'type', 'Feature', 'id', r.code,
       'geometry', ST_AsGeoJSON(r.public_location, 7)::json,
       'properties', json_build_object(
         ${properties}))::text AS feature`);
}

function where(selection: ExportSelection, afterId?: number): Sql {
  const conditions = filterConditions(selection.filter, { timeColumns: true });
  const b = selection.bbox;
  // The public point, never the exact one: a box must not find where a sensitive report really is.
  if (b) conditions.push(sql`public_location && ST_MakeEnvelope(${b.minLon}, ${b.minLat}, ${b.maxLon}, ${b.maxLat}, 4326)`);
  if (afterId !== undefined) conditions.push(sql`id > ${afterId}`);
  return and(conditions);
}

function query(format: ExportFormat, selection: ExportSelection, page?: { afterId: number; limit: number }): Sql {
  return sql`
    SELECT r.id, ${selectList(format)}
    -- The filters name the reports' own columns, unqualified, as in the list API.
    FROM (SELECT * FROM reports WHERE ${where(selection, page?.afterId)}) AS r
    JOIN categories c ON c.code = r.category_code
    JOIN kelurahan kel ON kel.code = r.kelurahan_code
    ORDER BY r.id
    ${page ? sql`LIMIT ${page.limit}` : sql``}`;
}

export type ExportRow = { id: number } & Record<string, unknown>;

/**
 * The public reports of a selection in batches, oldest first, in constant memory. On PostgreSQL
 * one query read through a server-side cursor, in one read-only snapshot; on the embedded
 * database, whose one connection a long transaction would hold for every other request, pages
 * by id (keyset), each its own short query.
 */
export async function* exportRows(
  db: Database, format: ExportFormat, selection: ExportSelection, batch = batchRows,
): AsyncGenerator<ExportRow[]> {
  if (db.cursor) {
    yield* db.cursor<ExportRow>(query(format, selection), batch);
    return;
  }
  let afterId = 0;
  for (;;) {
    const rows = await db.query<ExportRow>(query(format, selection, { afterId, limit: batch }));
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batch) return;
    afterId = rows[rows.length - 1].id;
  }
}
