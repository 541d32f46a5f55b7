import { sql, type Queryable } from '../db/database.ts';
import { deskKelurahan } from '../staff/scope.ts';

/** One event of a report, with what a message about it says and who may receive it. */
export interface EventToTell {
  event_id: number;
  kind: string;
  is_public: boolean;
  /** The status the event moved to, when it moved one. */
  new_status: string | null;
  /** A rejection's reason or the public response of a resolution or other outcome (lifecycle/change-status.ts). */
  reason: string | null;
  /** The agency a report was referred to (referred). */
  agency: string | null;
  /** Why a report cannot be fixed (cannot_fix). */
  outcome_reason: string | null;
  /** The report this one follows (merged, parent_status_changed). */
  parent_code: string | null;
  /** due_at in the event (escalated, deadline_changed), else the report's own. */
  due_at: Date | null;
  code: string;
  status: string;
  category_id: string;
  category_en: string;
  kelurahan_name: string;
  department_name: string;
  /** Personal data: read when the job runs, never copied into the job or a log. */
  reporter_name: string | null;
  reporter_email: string | null;
  supervisor_email: string | null;
  /** The supervisor of the kelurahan desk that handles the report (migrations 0104, 0105). */
  kelurahan_supervisor_email: string | null;
}

export async function eventToTell(db: Queryable, reportId: number, eventId: number): Promise<EventToTell | undefined> {
  const [row] = await db.query<EventToTell>(sql`
    SELECT e.id AS event_id, e.kind, e.is_public,
           e.new_value->>'status' AS new_status,
           e.reason,
           e.new_value->>'agency' AS agency,
           e.new_value->>'reason' AS outcome_reason,
           COALESCE(e.new_value->>'parent', e.new_value->>'duplicate_of') AS parent_code,
           COALESCE((e.new_value->>'due_at')::timestamptz, r.due_at) AS due_at,
           r.code, r.status,
           c.name_id AS category_id, c.name_en AS category_en,
           k.name AS kelurahan_name,
           d.name AS department_name,
           rep.name AS reporter_name, rep.email AS reporter_email,
           d.supervisor_email,
           desk.supervisor_email AS kelurahan_supervisor_email
    FROM report_events e
    JOIN reports r ON r.id = e.report_id
    JOIN categories c ON c.code = r.category_code
    JOIN kelurahan k ON k.code = r.kelurahan_code
    -- The desk that handles it, whose supervisor is told (a rule may hand it to another kelurahan).
    JOIN kelurahan desk ON desk.code = ${deskKelurahan('r')}
    JOIN departments d ON d.code = r.department_code
    LEFT JOIN reporters rep ON rep.report_id = r.id
    WHERE e.id = ${eventId} AND e.report_id = ${reportId}`);
  return row;
}

/** Which of the reporter's channels have an address, for a public event; none for a private one. */
export async function reporterChannels(db: Queryable, reportId: number, eventId: number) {
  const [row] = await db.query<{ email: boolean; sms: boolean }>(sql`
    SELECT rep.email IS NOT NULL AS email, rep.phone IS NOT NULL AS sms
    FROM report_events e
    JOIN reporters rep ON rep.report_id = e.report_id
    WHERE e.id = ${eventId} AND e.report_id = ${reportId} AND e.is_public`);
  return row ?? { email: false, sms: false };
}
