import { sql, type Queryable } from '../db/database.ts';
import { statusesWithoutDeadline } from '../deadlines/due-at.ts';
import { isOverdue, waitingStatuses } from '../deadlines/overdue.ts';

export interface DepartmentService {
  code: string;
  name: string;
  short_name: string;
  city_name: string | null;
  /** Waiting for the city now (published, assigned, in progress). */
  open: number;
  /** Of those, past their deadline now. */
  overdue: number;
  /** Of the reports submitted in the period and resolved: the median days from submission to resolution. */
  median_days_to_resolve: number | null;
  resolved: number;
  /**
   * Of the reports submitted in the period that have a deadline: resolved by it, over those
   * decided (resolved, or open past it), as deadlines/on-time.ts counts for the choropleth.
   * Null when none is decided.
   */
  on_time_rate: number | null;
}

/**
 * The service each department gives: its open and overdue reports now, and for the reports
 * submitted in the last `days` days how fast and how punctually they were resolved. Every
 * department is listed, also those without reports. Demo reports count, so that a first start
 * shows figures; they are marked as such on the public map.
 */
export async function departmentService(db: Queryable, q: { days: number }): Promise<DepartmentService[]> {
  return db.query<DepartmentService>(sql`
    WITH now_open AS (
      SELECT r.department_code AS code,
             count(*) AS open,
             count(*) FILTER (WHERE ${isOverdue('r')}) AS overdue
      FROM reports r
      WHERE r.status = ANY (${[...waitingStatuses]})
      GROUP BY 1
    ),
    in_period AS (
      SELECT r.department_code AS code,
             count(*) FILTER (WHERE r.resolved_at IS NOT NULL) AS resolved,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.resolved_at - r.created_at) / 86400)
               FILTER (WHERE r.resolved_at IS NOT NULL) AS median_days,
             count(*) FILTER (WHERE r.due_at IS NOT NULL AND r.resolved_at <= r.due_at) AS on_time,
             -- A report referred, found impossible to fix or needing no action (outcome_at) is
             -- neither on time nor late, as in deadlines/on-time.ts.
             count(*) FILTER (WHERE r.due_at IS NOT NULL AND (r.resolved_at > r.due_at
                                     OR (r.resolved_at IS NULL AND r.outcome_at IS NULL AND r.due_at < now()))) AS late
      FROM reports r
      WHERE r.created_at >= now() - make_interval(days => ${q.days})
        AND r.status <> ALL (${[...statusesWithoutDeadline]})
      GROUP BY 1
    )
    SELECT d.code, d.name, d.short_name, ci.name AS city_name,
           COALESCE(o.open, 0)::int AS open,
           COALESCE(o.overdue, 0)::int AS overdue,
           round(p.median_days::numeric, 1)::float8 AS median_days_to_resolve,
           COALESCE(p.resolved, 0)::int AS resolved,
           round(p.on_time::numeric / NULLIF(p.on_time + p.late, 0), 4)::float8 AS on_time_rate
    FROM departments d
    LEFT JOIN cities ci ON ci.code = d.city_code
    LEFT JOIN now_open o ON o.code = d.code
    LEFT JOIN in_period p ON p.code = d.code
    ORDER BY ci.name NULLS FIRST, d.name`);
}
