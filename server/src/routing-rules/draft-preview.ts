import { sql, type Queryable } from '../db/database.ts';
import { openStatuses } from './reroute.ts';
import { createRule, updateRule } from './rules.ts';
import type { DraftEffect, NewRule } from './schemas.ts';

/** How far back closed reports count: a rule is judged by what it would have done lately. */
export const previewDays = 90;
/** The list and the map show this many; the counts cover all. */
export const previewListLimit = 500;

/**
 * Which reports a draft rule would move to another desk, writing nothing.
 *
 * Why a rolled-back savepoint and not a read-only query: the draft is stored as a rule, exactly as
 * saving would store it (createRule / updateRule, with their reference checks and their refusals),
 * and route_department (db/functions/route_department.sql), the one definition of routing, judges
 * every report with it among the other rules: same priorities, same tie on age (the draft is the
 * newest rule), same geodesic distances. A read-only copy of that function taking the draft as a
 * parameter would be a second definition to keep in step. Rolling back to the savepoint undoes
 * the rule and its audit row; only the rules' id sequence moves on, as sequences do.
 *
 * Candidates are the open reports and every report of the last 90 days. A report is listed when
 * its department or its kelurahan desk would change and the draft is why: the draft would decide it, or (editing a
 * rule) the rule as it stood had decided it. From is the desk it is at now.
 */
export async function previewDraftRule(tx: Queryable, draft: NewRule, o: { replaces?: number; actor: string }): Promise<DraftEffect> {
  await tx.query(sql`SAVEPOINT draft_rule_preview`);
  try {
    const ruleId = o.replaces
      ? (await updateRule(tx, o.replaces, draft, o.actor)).id
      : (await createRule(tx, draft, o.actor)).id;
    return await movedBy(tx, ruleId, draft);
  } finally {
    await tx.query(sql`ROLLBACK TO SAVEPOINT draft_rule_preview`);
  }
}

async function movedBy(tx: Queryable, ruleId: number, draft: NewRule): Promise<DraftEffect> {
  const [effect] = await tx.query<DraftEffect>(sql`
    WITH candidates AS (
      SELECT r.*
      FROM reports r
      WHERE (r.status = ANY (${openStatuses}) OR r.created_at >= now() - make_interval(days => ${previewDays}))
        -- Only reports the draft applies to, or that the rule it replaces had decided, need judging.
        AND (((${draft.categories ?? null}::text[] IS NULL OR r.category_code = ANY (${draft.categories ?? null}::text[]))
              AND (${draft.city ?? null}::text IS NULL OR r.city_code = ${draft.city ?? null}))
             OR r.routing_explanation #>> '{department,matched_rule,id}' = ${String(ruleId)})
    ),
    moved AS (
      SELECT c.*, d.department_code AS to_department_code, d.handling_kelurahan_code AS to_handling_kelurahan_code
      FROM candidates c
      CROSS JOIN LATERAL route_department(c.location, c.category_code, c.city_code, c.kecamatan_code, c.kelurahan_code) AS d
      WHERE (d.department_code <> c.department_code OR d.handling_kelurahan_code IS DISTINCT FROM c.handling_kelurahan_code)
        AND (d.explanation #>> '{matched_rule,id}' = ${String(ruleId)}
             OR c.routing_explanation #>> '{department,matched_rule,id}' = ${String(ruleId)})
    ),
    listed AS (
      SELECT m.code, m.status, m.status = ANY (${openStatuses}) AS is_open, m.category_code AS category,
             ST_X(m.location) AS lon, ST_Y(m.location) AS lat,
             to_char(m.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
             k.name AS kelurahan_name, kec.name AS kecamatan_name,
             json_build_object('code', fd.code, 'name', fd.name) AS from_department,
             json_build_object('code', td.code, 'name', td.name) AS to_department,
             CASE WHEN fk.code IS NOT NULL THEN json_build_object('code', fk.code, 'name', fk.name) END AS from_kelurahan_desk,
             CASE WHEN tk.code IS NOT NULL THEN json_build_object('code', tk.code, 'name', tk.name) END AS to_kelurahan_desk
      FROM moved m
      JOIN kelurahan k ON k.code = m.kelurahan_code
      JOIN kecamatan kec ON kec.code = m.kecamatan_code
      JOIN departments fd ON fd.code = m.department_code
      JOIN departments td ON td.code = m.to_department_code
      LEFT JOIN kelurahan fk ON fk.code = m.handling_kelurahan_code
      LEFT JOIN kelurahan tk ON tk.code = m.to_handling_kelurahan_code
      ORDER BY m.status = ANY (${openStatuses}) DESC, m.created_at DESC, m.id
      LIMIT ${previewListLimit}
    )
    SELECT (SELECT count(*)::int FROM moved WHERE status = ANY (${openStatuses})) AS open_count,
           (SELECT count(*)::int FROM moved WHERE created_at >= now() - make_interval(days => ${previewDays})) AS recent_count,
           (SELECT count(*)::int FROM moved) AS count,
           ${previewDays}::int AS days,
           COALESCE((SELECT json_agg(l) FROM listed l), '[]'::json) AS reports`);
  return effect;
}
