import { sql, type Queryable, type Sql } from '../db/database.ts';
import { transitions, type Status } from '../lifecycle/transitions.ts';
import type { Role, Staff } from '../staff/queries.ts';
import { overdue } from './list.ts';

const iso = (column: Sql) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** Who may read a reporter's name, phone and e-mail: those who may call them back. */
export const seesReporter = (role: Role) => role !== 'planner';

/**
 * One report as the desk sees it: what the public page shows, plus every event (internal ones
 * too, with the staff member's name), the private notes, the reporter's contact, the screen's
 * flags and the photos of every status (console photo URLs, which check the scope again).
 */
export async function findDeskReport(db: Queryable, staff: Staff, scope: Sql, code: string) {
  const [row] = await db.query<{ report: Record<string, unknown> & { status: Status } }>(sql`
    SELECT json_build_object(
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
      'created_at', ${iso(sql`r.created_at`)},
      'updated_at', ${iso(sql`r.updated_at`)},
      'due_at', ${iso(sql`r.due_at`)},
      'resolved_at', ${iso(sql`r.resolved_at`)},
      'overdue', ${overdue},
      'support_count', r.support_count,
      'duplicate_of', (SELECT json_build_object('code', p.code, 'status', p.status)
                       FROM reports p WHERE p.id = r.duplicate_of),
      'is_synthetic', r.is_synthetic,
      'moderation_flags', r.moderation_flags,
      'routing_explanation', r.routing_explanation,
      'photos', COALESCE((
        SELECT json_agg(json_build_object(
                 'kind', p.kind,
                 'url', '/api/console/photos/' || p.id || '.jpg',
                 'thumbnail_url', '/api/console/photos/' || p.id || '.thumb.jpg',
                 'width', p.width, 'height', p.height) ORDER BY p.kind DESC, p.position)
        FROM report_photos p WHERE p.report_id = r.id), '[]'::json),
      'events', COALESCE((
        SELECT json_agg(json_build_object(
                 'id', e.id, 'kind', e.kind, 'actor', e.actor, 'actor_name', s.name,
                 'old_value', e.old_value, 'new_value', e.new_value, 'reason', e.reason,
                 'is_public', e.is_public, 'at', ${iso(sql`e.created_at`)}) ORDER BY e.id)
        FROM report_events e LEFT JOIN staff s ON e.actor = 'staff:' || s.id
        WHERE e.report_id = r.id), '[]'::json),
      -- The city's answer shown on the public page: the text of the latest resolution.
      'public_response', (
        SELECT e.reason FROM report_events e
        WHERE e.report_id = r.id AND e.kind = 'status_changed' AND e.new_value ->> 'status' = 'resolved'
        ORDER BY e.id DESC LIMIT 1),
      'reporter', CASE WHEN ${seesReporter(staff.role)} THEN (
        SELECT json_build_object('name', rp.name, 'phone', rp.phone, 'email', rp.email)
        FROM reporters rp WHERE rp.report_id = r.id) END
    ) AS report
    FROM reports r
    JOIN categories c ON c.code = r.category_code
    JOIN kelurahan kel ON kel.code = r.kelurahan_code
    JOIN kecamatan kec ON kec.code = r.kecamatan_code
    JOIN cities city ON city.code = r.city_code
    JOIN departments d ON d.code = r.department_code
    WHERE r.code = ${code} AND ${scope}`);
  if (!row) return null;
  const report = row.report;
  const events = report.events as { kind: string }[];
  return {
    ...report,
    notes: events.filter((e) => e.kind === 'note'),
    // What this staff member may do next, with what each step needs (lifecycle/transitions.ts).
    allowed_transitions: transitions
      .filter((t) => t.from === report.status && t.roles.includes(staff.role))
      .map((t) => ({ to: t.to, needs: t.needs ?? null })),
  };
}
