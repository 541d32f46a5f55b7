import { sql, type Queryable } from '../db/database.ts';
import { demoPhotoId } from './after-photos.ts';
import {
  cannotFixReason, cannotFixResponse, noActionResponse, publicResponses, referralAgencies, referralResponsePrefix,
  reopenReason, rejectionReason,
} from './responses.ts';

/**
 * Each demo report's timeline, from the times of demo_life (lifecycle.ts), with the kinds,
 * actors and values that submission (reports/submit.ts), moderation and status changes
 * (lifecycle/change-status.ts, reopen.ts) and after photos (console/after-photos.ts) record.
 * After photos are recorded only when the seed stores them (after-photos.ts).
 * Staff steps are taken by an existing account of the report's desk (its department's officer,
 * else its kelurahan's, else an admin; a moderator for moderation), 'system' when there is none.
 */
export async function addEvents(tx: Queryable, seed: number, afterId: number, withPhotos: boolean): Promise<void> {
  const status = (name: string) => sql`jsonb_build_object('status', ${name}::text)`;
  const photo = (position: number) =>
    sql`jsonb_build_object('photos', jsonb_build_array(${demoPhotoId(seed, sql`r.id`, position)}))`;
  await tx.query(sql`
    WITH officers AS (
      SELECT min(id) FILTER (WHERE role = 'admin') AS admin, min(id) FILTER (WHERE role = 'moderator') AS moderator
      FROM staff WHERE is_active
    ),
    department_officers AS (
      SELECT department_code, min(id) AS id FROM staff
      WHERE is_active AND role = 'department_officer' GROUP BY department_code
    ),
    kelurahan_officers AS (
      SELECT kelurahan_code, min(id) AS id FROM staff
      WHERE is_active AND role = 'kelurahan_officer' GROUP BY kelurahan_code
    ),
    responses AS (
      SELECT * FROM unnest(${Object.keys(publicResponses)}::text[], ${Object.values(publicResponses)}::text[]) AS t (category_code, response)
    ),
    agencies AS (
      SELECT * FROM unnest(${Object.keys(referralAgencies)}::text[], ${Object.values(referralAgencies)}::text[]) AS t (category_code, agency)
    ),
    lives AS (
      SELECT r.id, r.routing_explanation, x.*, resp.response,
             -- The other outcomes carry what change-status.ts requires: the agency or the reason,
             -- and the public explanation.
             CASE x.outcome
               WHEN 'referred' THEN jsonb_build_object('status', 'referred', 'agency', ag.agency)
               WHEN 'cannot_fix' THEN jsonb_build_object('status', 'cannot_fix', 'reason', ${cannotFixReason}::text)
               WHEN 'no_action_needed' THEN jsonb_build_object('status', 'no_action_needed')
             END AS outcome_value,
             CASE x.outcome
               WHEN 'referred' THEN ${referralResponsePrefix}::text || ag.agency || '.'
               WHEN 'cannot_fix' THEN ${cannotFixResponse}::text
               WHEN 'no_action_needed' THEN ${noActionResponse}::text
             END AS outcome_response,
             COALESCE('staff:' || COALESCE(d.id, k.id, o.admin), 'system') AS officer,
             COALESCE('staff:' || COALESCE(o.moderator, o.admin), 'system') AS moderator
      FROM demo_life x
      JOIN reports r ON r.code = x.code
      CROSS JOIN officers o
      LEFT JOIN department_officers d ON d.department_code = r.department_code
      LEFT JOIN kelurahan_officers k ON k.kelurahan_code = r.kelurahan_code
      LEFT JOIN responses resp ON resp.category_code = x.category_code
      LEFT JOIN agencies ag ON ag.category_code = x.category_code
      WHERE r.id > ${afterId}
    )
    INSERT INTO report_events (report_id, kind, actor, old_value, new_value, reason, is_public, created_at)
    SELECT r.id, e.kind, e.actor, e.old_value, e.new_value, e.reason, e.is_public, e.at
    FROM lives r
    CROSS JOIN LATERAL (VALUES
      -- Phone and walk-in reports are filed by staff on the resident's behalf.
      (1, r.created_at, 'submitted', CASE WHEN r.channel IN ('phone', 'walk_in') THEN r.officer ELSE 'resident' END,
       NULL::jsonb, jsonb_build_object('status', 'submitted', 'channel', r.channel), NULL::text, true),
      (2, CASE WHEN NOT r.held THEN r.created_at END, 'published', 'system', ${status('submitted')}, ${status('published')}, NULL, true),
      (3, CASE WHEN r.held THEN r.created_at END, 'held_for_moderation', 'system', NULL, r.moderation_flags, NULL, false),
      (4, r.created_at, 'routed', 'system', NULL, r.routing_explanation, NULL, false),
      (5, CASE WHEN r.held THEN r.published_at END, 'status_changed', r.moderator, ${status('submitted')}, ${status('published')}, NULL, true),
      (6, CASE WHEN r.status = 'rejected' THEN r.decided_at END, 'status_changed', r.moderator,
       ${status('submitted')}, ${status('rejected')}, ${rejectionReason}::text, true),
      (7, r.assigned_at, 'status_changed', r.officer, ${status('published')}, ${status('assigned')}, NULL, true),
      (8, r.in_progress_at, 'status_changed', r.officer, ${status('assigned')}, ${status('in_progress')}, NULL, true),
      (9, CASE WHEN ${withPhotos} THEN r.resolved_at END, 'after_photos_added', r.officer, NULL, ${photo(0)}, NULL, false),
      (10, r.resolved_at, 'status_changed', r.officer,
       CASE WHEN r.in_progress_at IS NOT NULL THEN ${status('in_progress')} ELSE ${status('assigned')} END,
       ${status('resolved')}, r.response, true),
      (10, r.outcome_at, 'status_changed', r.officer,
       CASE WHEN r.in_progress_at IS NOT NULL THEN ${status('in_progress')} ELSE ${status('assigned')} END,
       r.outcome_value, r.outcome_response, true),
      (11, r.closed_at, 'status_changed', r.officer, ${status('resolved')}, ${status('closed')}, NULL, true),
      (12, r.reopened_at, 'reopened', 'resident', ${status('resolved')}, ${status('assigned')}, ${reopenReason}::text, true),
      (13, r.again_in_progress_at, 'status_changed', r.officer, ${status('assigned')}, ${status('in_progress')}, NULL, true),
      (14, CASE WHEN ${withPhotos} THEN r.again_resolved_at END, 'after_photos_added', r.officer, NULL, ${photo(1)}, NULL, false),
      (15, r.again_resolved_at, 'status_changed', r.officer, ${status('in_progress')}, ${status('resolved')}, r.response, true)
    ) AS e (seq, at, kind, actor, old_value, new_value, reason, is_public)
    WHERE e.at IS NOT NULL
    -- Each report's events in the order they happened: the timeline is read by id.
    ORDER BY r.id, e.seq`);
}
