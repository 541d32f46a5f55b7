import { join, sql, type Queryable } from '../db/database.ts';
import type { DemoPlan } from './plan.ts';
import { lifecycleShares as s, windowDays } from './profile.ts';
import { uniform } from './random.ts';

// Each demo report's life, as times: submitted, then published (at once, or by a moderator
// after the screen held it), assigned, in progress, resolved, perhaps closed or reopened and
// resolved again; or, instead of the resolution, another outcome (referred to another agency,
// cannot be fixed, no action needed). Times are drawn first and the status is wherever the report stands `now`:
// a step drawn after `now` has not happened yet (NULL here), so the status, the deadline and
// the timeline (events.ts) all follow from the same times and cannot contradict each other.

const day = sql`interval '1 day'`;

/** A burst from one network address, as a carrier's NAT gives during a flood (moderation/decide.ts). */
export const heldFlags = JSON.stringify({ flags: ['many_from_address'], evidence: { many_from_address: ['61 reports in 10 minutes'] } });

export async function createLifecycle(tx: Queryable, seed: number, now: Date, plan: DemoPlan): Promise<void> {
  const key = sql`r.slot`;
  const u = (stream: number) => uniform(seed, key, stream);
  const u10 = u(10);
  // The day: inverse of the category's seasonal distribution over the window's days
  // (width_bucket over its cumulative day weights, a constant array per season), else even.
  const dayOfWindow = sql`CASE ${join(
    plan.seasons.map((season) => sql`WHEN ds.category_code = ANY(${season.categories}::text[]) THEN width_bucket(${u10}, ${season.dayThresholds}::float8[])`),
    ' ',
  )} ELSE floor(${u10} * ${windowDays}) END`;
  // A step happens only if its time has come.
  const until = (at: ReturnType<typeof sql>) => sql`CASE WHEN ${at} <= ${now}::timestamptz THEN ${at} END`;
  await tx.query(sql`
    CREATE TEMP TABLE demo_life ON COMMIT DROP AS
    -- MATERIALIZED where a step's times feed several later ones: inlined, each reference would
    -- repeat the whole expression (the seasonal day is a search of a 730-element array, the
    -- deadline two calendar lookups) and the statement took several times as long.
    WITH drawn AS MATERIALIZED (
      SELECT r.slot, d.code, ds.category_code, c.response_working_days AS working_days,
             -- A day of the window, then a time between 06:00 and 22:00 WIB (the window starts
             -- at midnight WIB).
             ${plan.windowStart}::timestamptz
               + ${day} * (${dayOfWindow} + 0.25 + ${u(11)} * 16 / 24.0) AS created_at,
             CASE WHEN ${u(14)} < 0.82 THEN 'web' WHEN ${u(14)} < 0.89 THEN 'sms'
                  WHEN ${u(14)} < 0.95 THEN 'phone' ELSE 'walk_in' END AS channel,
             ${u(15)} AS u_accuracy,
             ${u(20)} AS u_held, ${u(21)} AS u_decide, ${u(22)} AS u_stall, ${u(23)} AS u_speed,
             ${u(24)} AS u_late, ${u(25)} AS u_assign, ${u(26)} AS u_progress, ${u(27)} AS u_close,
             ${u(28)} AS u_reopen, ${u(29)} AS u_again, ${u(30)} AS u_stage, ${u(31)} AS u_reject,
             ${u(32)} AS u_outcome
      FROM demo_routed r
      JOIN demo_code d USING (slot)
      JOIN demo_slot ds USING (slot)
      JOIN categories c ON c.code = ds.category_code
    ),
    screened AS (
      SELECT x.*,
             -- The screen holds a few reports (a burst from one carrier's address); the last
             -- week's held reports are still in the moderation queue unless already decided.
             x.u_held < CASE WHEN x.created_at > ${now}::timestamptz - interval '7 days'
                             THEN ${s.heldRecent}::float8 ELSE ${s.held}::float8 END AS held,
             -- Moderators are three days behind: nothing newer has been decided yet.
             CASE WHEN x.created_at <= ${now}::timestamptz - interval '3 days'
                  THEN x.created_at + ${day} * (0.1 + 6 * x.u_decide) END AS decided_at,
             x.u_reject < ${s.rejectedOfHeld}::float8 AS rejected
      FROM drawn x
    ),
    published AS (
      SELECT x.*,
             CASE WHEN NOT x.held THEN x.created_at
                  WHEN NOT x.rejected THEN ${until(sql`x.decided_at`)} END AS published_at,
             -- The deadline counts from the submission, also after moderation (deadlines/due-at.ts).
             (SELECT w.due_at FROM working_day_deadline(x.created_at, x.working_days) w) AS first_due_at
      FROM screened x
    ),
    paced AS MATERIALIZED (
      -- The time to resolve, as a share of the time the deadline allows: most on time, a tail late.
      SELECT x.*,
             greatest(interval '2 hours', (x.first_due_at - x.created_at)
               * CASE WHEN x.u_late < ${s.onTime}::float8 THEN 0.15 + 0.85 * x.u_speed ELSE 1.05 + 4 * x.u_speed END) AS to_resolve,
             -- Stalled: never resolved; the stage it stopped at.
             x.u_stall < ${s.stalled}::float8 AS stalled
      FROM published x
    ),
    planned AS (
      SELECT x.*,
             x.published_at + x.to_resolve * (0.05 + 0.2 * x.u_assign) AS assign_at,
             x.published_at + x.to_resolve * (0.3 + 0.4 * x.u_progress) AS progress_at,
             x.published_at + x.to_resolve AS resolve_at,
             -- Answered otherwise, when the fix would have come (lifecycle/transitions.ts).
             CASE WHEN x.stalled THEN NULL
                  WHEN x.u_outcome < ${s.referred}::float8 THEN 'referred'
                  WHEN x.u_outcome < ${s.referred + s.cannotFix}::float8 THEN 'cannot_fix'
                  WHEN x.u_outcome < ${s.referred + s.cannotFix + s.noActionNeeded}::float8 THEN 'no_action_needed'
             END AS outcome
      FROM paced x
    ),
    timed AS MATERIALIZED (
      SELECT x.*,
             ${until(sql`CASE WHEN NOT x.stalled OR x.u_stage >= 0.15 THEN x.assign_at END`)} AS assigned_at,
             -- A quarter are resolved straight from 'assigned' (lifecycle/transitions.ts allows it).
             -- A report that is not the city's is referred before any work starts.
             ${until(sql`CASE WHEN (NOT x.stalled AND x.u_progress < 0.75 AND x.outcome IS DISTINCT FROM 'referred')
                                OR (x.stalled AND x.u_stage >= 0.6) THEN x.progress_at END`)} AS in_progress_at,
             ${until(sql`CASE WHEN NOT x.stalled AND x.outcome IS NULL THEN x.resolve_at END`)} AS resolved_at,
             ${until(sql`CASE WHEN x.outcome IS NOT NULL THEN x.resolve_at END`)} AS outcome_at,
             -- Reopened by the resident within the reopening window (14 days by default)…
             ${until(sql`CASE WHEN NOT x.stalled AND x.outcome IS NULL AND x.u_reopen < ${s.reopened}::float8
                              THEN x.resolve_at + ${day} * (0.5 + 6 * x.u_close) END`)} AS reopened_at,
             -- …else closed by the desk some days after resolution.
             ${until(sql`CASE WHEN NOT x.stalled AND x.outcome IS NULL AND x.u_reopen >= ${s.reopened}::float8 AND x.u_close < ${s.closedOfResolved}::float8
                              THEN x.resolve_at + ${day} * (3 + 11 * x.u_close / ${s.closedOfResolved}::float8) END`)} AS closed_at
      FROM planned x
    ),
    reopened AS (
      SELECT x.*,
             ${until(sql`x.reopened_at + ${day} * (0.2 + 1.5 * x.u_again)`)} AS again_in_progress_at,
             ${until(sql`CASE WHEN x.u_again < 0.7 THEN x.reopened_at + ${day} * (2 + 8 * x.u_again) END`)} AS again_resolved_at
      FROM timed x
    )
    SELECT x.*,
           -- What the screen stored (moderation/decide.ts): nothing, or the burst that held it.
           CASE WHEN x.held THEN ${heldFlags}::jsonb ELSE '{"flags": [], "evidence": {}}'::jsonb END AS moderation_flags,
           CASE WHEN x.held AND x.published_at IS NULL AND x.rejected AND x.decided_at <= ${now}::timestamptz THEN 'rejected'
                WHEN x.published_at IS NULL THEN 'submitted'
                WHEN x.again_resolved_at IS NOT NULL THEN 'resolved'
                WHEN x.again_in_progress_at IS NOT NULL THEN 'in_progress'
                WHEN x.reopened_at IS NOT NULL THEN 'assigned'
                WHEN x.closed_at IS NOT NULL THEN 'closed'
                WHEN x.outcome_at IS NOT NULL THEN x.outcome
                WHEN x.resolved_at IS NOT NULL THEN 'resolved'
                WHEN x.in_progress_at IS NOT NULL THEN 'in_progress'
                WHEN x.assigned_at IS NOT NULL THEN 'assigned'
                ELSE 'published' END AS status,
           -- A reopened report gets its category's working days again, from the reopening.
           CASE WHEN x.reopened_at IS NOT NULL THEN x.reopened_at WHEN x.published_at IS NOT NULL THEN x.created_at END AS due_counted_from
    FROM reopened x`);
  await tx.query(sql`ANALYZE demo_life`);
}
