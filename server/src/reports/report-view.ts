import { sql, type Sql } from '../db/database.ts';

/** A timestamp as ISO 8601 in UTC, the form every API answer uses. */
export const isoTime = (column: Sql) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * The facts every view of a report shows, the public page and the staff desk alike, as
 * json_build_object arguments over `reports r` joined by `reportViewJoins`.
 */
export const reportViewFields = sql`
  'code', r.code,
  'category', json_build_object('code', c.code, 'name_id', c.name_id, 'name_en', c.name_en,
                                'color', c.color, 'icon', c.icon),
  'description', r.description,
  'status', r.status,
  'location', json_build_object('lat', ST_Y(r.location), 'lon', ST_X(r.location),
                                'is_approximate', r.location_is_approximate),
  'accuracy_m', r.accuracy_m,
  'address', r.address,
  'channel', r.channel,
  'kelurahan', json_build_object('code', kel.code, 'name', kel.name),
  'kecamatan', json_build_object('code', kec.code, 'name', kec.name),
  'city', json_build_object('code', city.code, 'name', city.name),
  'department', json_build_object('code', d.code, 'name', d.name, 'short_name', d.short_name),
  'created_at', ${isoTime(sql`r.created_at`)},
  'updated_at', ${isoTime(sql`r.updated_at`)},
  'due_at', ${isoTime(sql`r.due_at`)},
  'routing_explanation', r.routing_explanation,
  'support_count', r.support_count,
  'duplicate_of', (SELECT json_build_object('code', p.code, 'status', p.status)
                   FROM reports p WHERE p.id = r.duplicate_of),
  'is_synthetic', r.is_synthetic`;

export const reportViewJoins = sql`
  JOIN categories c ON c.code = r.category_code
  JOIN kelurahan kel ON kel.code = r.kelurahan_code
  JOIN kecamatan kec ON kec.code = r.kecamatan_code
  JOIN cities city ON city.code = r.city_code
  JOIN departments d ON d.code = r.department_code`;
