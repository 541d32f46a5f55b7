import { sql, type Queryable, type Sql } from '../db/database.ts';
import { outcomeStatuses, transitions } from '../lifecycle/transitions.ts';
import type { Role, Staff } from '../staff/queries.ts';
import { isoTime, reportViewFields, reportViewJoins } from '../reports/report-view.ts';
import { overdue } from './list.ts';
import type { DeskReportDetail } from './schemas.ts';

const answers = ['resolved', ...outcomeStatuses];

/** Who may read a reporter's name, phone and e-mail: those who may call them back. */
export const seesReporter = (role: Role) => role !== 'planner';

/**
 * One report as the desk sees it: what the public page shows, plus every event (internal ones
 * too, with the staff member's name), the private notes, the reporter's contact, the screen's
 * flags and the photos of every status (console photo URLs, which check the scope again).
 */
export async function findDeskReport(db: Queryable, staff: Staff, scope: Sql, code: string): Promise<DeskReportDetail | null> {
  const [row] = await db.query<{ report: Omit<DeskReportDetail, 'notes' | 'allowed_transitions'> }>(sql`
    SELECT json_build_object(
      ${reportViewFields('staff')},
      'resolved_at', ${isoTime(sql`r.resolved_at`)},
      'overdue', ${overdue},
      'moderation_flags', r.moderation_flags,
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
                 'is_public', e.is_public, 'at', ${isoTime(sql`e.created_at`)}) ORDER BY e.id)
        FROM report_events e LEFT JOIN staff s ON e.actor = 'staff:' || s.id
        WHERE e.report_id = r.id), '[]'::json),
      'outcome_at', ${isoTime(sql`r.outcome_at`)},
      -- The city's answer shown on the public page: the text of the latest resolution or other outcome.
      'public_response', (
        SELECT e.reason FROM report_events e
        WHERE e.report_id = r.id AND e.kind = 'status_changed' AND e.new_value ->> 'status' = ANY(${answers})
        ORDER BY e.id DESC LIMIT 1),
      'reporter', CASE WHEN ${seesReporter(staff.role)} THEN (
        SELECT json_build_object('name', rp.name, 'phone', rp.phone, 'email', rp.email)
        FROM reporters rp WHERE rp.report_id = r.id) END
    ) AS report
    FROM reports r
    ${reportViewJoins}
    WHERE r.code = ${code} AND ${scope}`);
  if (!row) return null;
  const report = row.report;
  return {
    ...report,
    notes: report.events.filter((e) => e.kind === 'note'),
    // What this staff member may do next, with what each step needs (lifecycle/transitions.ts).
    allowed_transitions: transitions
      .filter((t) => t.from === report.status && t.roles.includes(staff.role))
      .map((t) => ({ to: t.to, needs: [...(t.needs ?? [])] })),
  };
}
