import { join, sql, type Queryable, type Sql } from '../db/database.ts';
import { openStatuses } from '../lifecycle/transitions.ts';
import { allStatuses } from '../reports/filters.ts';
import type { ConsoleListQuery, DeskMapCollection, DeskReport } from './schemas.ts';

/** Open and past its deadline: the one definition of "overdue" in the console. */
export const overdue = sql`(COALESCE(r.due_at < now(), false) AND r.status = ANY(${openStatuses}))`;

const list = (csv?: string) => (csv ? [...new Set(csv.split(','))] : undefined);

/** The filters of the inbox and of its map, within the staff member's scope. */
function conditions(scope: Sql, q: ConsoleListQuery): Sql {
  const where: Sql[] = [scope];
  const statuses = list(q.status);
  if (statuses) where.push(sql`r.status = ANY(${statuses})`);
  const categories = list(q.category);
  if (categories) where.push(sql`r.category_code = ANY(${categories})`);
  const kelurahan = list(q.kelurahan);
  if (kelurahan) where.push(sql`r.kelurahan_code = ANY(${kelurahan})`);
  const departments = list(q.department);
  if (departments) where.push(sql`r.department_code = ANY(${departments})`);
  if (q.overdue === true) where.push(overdue);
  if (q.overdue === false) where.push(sql`NOT ${overdue}`);
  // The desk thinks in WIB calendar days: "created on 3 March" is 3 March 00:00–24:00 in Jakarta.
  if (q.created_from) where.push(sql`r.created_at >= (${q.created_from}::date::timestamp AT TIME ZONE 'Asia/Jakarta')`);
  if (q.created_to) where.push(sql`r.created_at < ((${q.created_to}::date + 1)::timestamp AT TIME ZONE 'Asia/Jakarta')`);
  return join(where, ' AND ');
}

// Each column in the order a desk reads it first: deadline soonest first, reports without one
// (held for moderation, rejected, from before deadlines existed) last either way; newest first;
// statuses in lifecycle order. "-column" reverses it. The id makes the order total for paging.
const columnOrder: Record<string, Sql> = {
  due: sql`r.due_at`,
  created: sql`r.created_at`,
  code: sql`r.code`,
  category: sql`r.category_code`,
  kelurahan: sql`kel.name`,
  status: sql`array_position(${[...allStatuses]}::text[], r.status::text)`,
};
const newestFirst = new Set(['created']);

const orderBy = (sort: ConsoleListQuery['sort']) => {
  const reversed = sort.startsWith('-');
  const column = reversed ? sort.slice(1) : sort;
  const descending = newestFirst.has(column) !== reversed;
  const direction = descending ? sql`DESC` : sql`ASC`;
  return sql`${columnOrder[column]} ${direction} NULLS LAST, r.id ${direction}`;
};

const iso = (column: Sql) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** A page of the inbox, with the total of matches for the pager. */
export async function listDeskReports(db: Queryable, scope: Sql, q: ConsoleListQuery) {
  const rows = await db.query<{ total: number; report: DeskReport }>(sql`
    SELECT count(*) OVER ()::int AS total,
           json_build_object(
             'code', r.code,
             'category', r.category_code,
             'status', r.status,
             'summary', left(r.description, 140),
             'kelurahan', json_build_object('code', kel.code, 'name', kel.name),
             'department', json_build_object('code', d.code, 'short_name', d.short_name),
             'channel', r.channel,
             'support_count', r.support_count,
             'due_at', ${iso(sql`r.due_at`)},
             'created_at', ${iso(sql`r.created_at`)},
             'overdue', ${overdue}
           ) AS report
    FROM reports r
    JOIN kelurahan kel ON kel.code = r.kelurahan_code
    JOIN departments d ON d.code = r.department_code
    WHERE ${conditions(scope, q)}
    ORDER BY ${orderBy(q.sort)}
    LIMIT ${q.limit} OFFSET ${q.offset}`);
  // A page past the end has no rows to carry the total; count again only then.
  let total = rows[0]?.total;
  if (total === undefined) {
    [{ total }] = await db.query<{ total: number }>(sql`
      SELECT count(*)::int AS total FROM reports r WHERE ${conditions(scope, q)}`);
  }
  return { total, reports: rows.map((row) => row.report) };
}

// Enough for every open report of a busy department; the map is for finding clusters, and
// beyond this the list (with its filters) is the tool.
const mapLimit = 5000;

/** Every match as a GeoJSON FeatureCollection for the console map, assembled in PostgreSQL. */
export async function deskReportsGeoJson(db: Queryable, scope: Sql, q: ConsoleListQuery): Promise<DeskMapCollection> {
  const [row] = await db.query<{ collection: DeskMapCollection }>(sql`
    SELECT json_build_object(
             'type', 'FeatureCollection',
             'features', COALESCE(json_agg(f.feature ORDER BY f.n), '[]'::json)
           ) AS collection
    FROM (
      SELECT row_number() OVER (ORDER BY ${orderBy(q.sort)}) AS n,
             json_build_object(
               'type', 'Feature',
               'id', r.id,
               'geometry', ST_AsGeoJSON(r.location, 6)::json,
               'properties', json_build_object(
                 'code', r.code, 'category', r.category_code, 'status', r.status,
                 'color', c.color, 'overdue', ${overdue},
                 'approximate', r.location_is_approximate)
             ) AS feature
      FROM reports r
      JOIN categories c ON c.code = r.category_code
      JOIN kelurahan kel ON kel.code = r.kelurahan_code
      WHERE ${conditions(scope, q)}
      ORDER BY ${orderBy(q.sort)}
      LIMIT ${mapLimit}
    ) f`);
  return row.collection;
}
