import { sql, type Sql } from '../db/database.ts';
import { isOverdue } from '../deadlines/overdue.ts';

/** A timestamp as ISO 8601 in UTC, the form every API answer uses. */
export const isoTime = (column: Sql) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * A report of a sensitive category, as the public sees it: the centre of its grid square
 * (public_location_of), no address or GPS accuracy, and its routing without the distances,
 * which measured from the exact point would give it away.
 */
const sensitive = sql`c.sensitive`;

const publicRouting = sql`
  CASE WHEN ${sensitive}
       THEN json_build_object(
              'department', json_build_object('code', r.routing_explanation -> 'department' ->> 'code',
                                              'rule', r.routing_explanation -> 'department' ->> 'rule',
                                              'category', r.routing_explanation -> 'department' ->> 'category'),
              'withheld', 'distances, for a category whose exact location is not published')
       ELSE r.routing_explanation::json END`;

/**
 * The facts every view of a report shows, the public page and the staff desk alike, as
 * json_build_object arguments over `reports r` joined by `reportViewJoins`. Staff see the
 * exact point; the public the public one.
 */
export function reportViewFields(audience: 'public' | 'staff'): Sql {
  const point = audience === 'public' ? sql`r.public_location` : sql`r.location`;
  const withheld = (value: Sql) => (audience === 'public' ? sql`CASE WHEN ${sensitive} THEN NULL ELSE ${value} END` : value);
  return sql`
  'code', r.code,
  'category', json_build_object('code', c.code, 'name_id', c.name_id, 'name_en', c.name_en,
                                'color', c.color, 'icon', c.icon),
  'description', r.description,
  'status', r.status,
  'location', json_build_object('lat', ST_Y(${point}), 'lon', ST_X(${point}),
                                'is_approximate', r.location_is_approximate${audience === 'public' ? sql` OR ${sensitive}` : sql``},
                                'grid_m', ${audience === 'public' ? sql`CASE WHEN ${sensitive} THEN (SELECT sensitive_grid_m FROM privacy_settings) END` : sql`NULL::integer`}),
  'accuracy_m', ${withheld(sql`r.accuracy_m`)},
  'address', ${withheld(sql`r.address`)},
  'channel', r.channel,
  'kelurahan', json_build_object('code', kel.code, 'name', kel.name),
  'kecamatan', json_build_object('code', kec.code, 'name', kec.name),
  'city', json_build_object('code', city.code, 'name', city.name),
  'department', json_build_object('code', d.code, 'name', d.name, 'short_name', d.short_name),
  'created_at', ${isoTime(sql`r.created_at`)},
  'updated_at', ${isoTime(sql`r.updated_at`)},
  'due_at', ${isoTime(sql`r.due_at`)},
  'is_overdue', ${isOverdue('r')},
  'routing_explanation', ${audience === 'public' ? publicRouting : sql`r.routing_explanation`},
  'support_count', r.support_count,
  'duplicate_of', (SELECT json_build_object('code', p.code, 'status', p.status)
                   FROM reports p WHERE p.id = r.duplicate_of),
  'is_synthetic', r.is_synthetic`;
}

export const reportViewJoins = sql`
  JOIN categories c ON c.code = r.category_code
  JOIN kelurahan kel ON kel.code = r.kelurahan_code
  JOIN kecamatan kec ON kec.code = r.kecamatan_code
  JOIN cities city ON city.code = r.city_code
  JOIN departments d ON d.code = r.department_code`;
