import { sql, type Queryable } from '../db/database.ts';
import { echoWindow } from './getis-ord.ts';
import type { LayerResult } from './layer.ts';
import { windowConditions, type ReportWindow } from './parameters.ts';

interface KelurahanRow {
  kelurahan_code: string;
  kelurahan_name: string;
  kecamatan_code: string;
  kecamatan_name: string;
  city_code: string;
  population: number | null;
  reports: number;
  reports_per_1000: number | null;
  resolved: number;
  median_days_to_resolve: number | null;
  with_due_at: number;
  pct_on_time: number | null;
  referred: number;
  cannot_fix: number;
  no_action_needed: number;
  pct_other_outcome: number | null;
  geometry: LayerResult['features'][number]['geometry'];
  wkt: string;
}

/**
 * Public reports of the window per kelurahan (every kelurahan of the chosen cities, zeros
 * included), by the kelurahan the report was routed to (reports.kelurahan_code):
 * - reports_per_1000: reports per 1,000 residents, only where kelurahan.population is known;
 * - median_days_to_resolve: median of resolved_at − created_at in days, resolved reports only;
 * - pct_on_time: share of the reports that have a due_at (0022) resolved by it
 *   (resolved_at <= due_at; an unresolved report is not on time), null when none has a due_at.
 *   Reports answered otherwise (referred to another agency, cannot be fixed, no action needed:
 *   outcome_at, 0101) are their own kind, neither on time nor late, so they are left out of it;
 * - referred, cannot_fix, no_action_needed: those reports, by outcome, and pct_other_outcome
 *   their share of all reports (the choropleth of what the city answered without a fix).
 */
export async function kelurahanSummary(db: Queryable, window: ReportWindow): Promise<LayerResult> {
  const rows = await db.query<KelurahanRow>(sql`
    SELECT k.code AS kelurahan_code, k.name AS kelurahan_name, k.kecamatan_code, kc.name AS kecamatan_name,
           k.city_code, k.population,
           count(r.id)::integer AS reports,
           CASE WHEN k.population > 0 THEN count(r.id) * 1000.0 / k.population END::float8 AS reports_per_1000,
           count(r.resolved_at)::integer AS resolved,
           (percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.resolved_at - r.created_at) / 86400)
              FILTER (WHERE r.resolved_at IS NOT NULL))::float8 AS median_days_to_resolve,
           count(r.due_at)::integer AS with_due_at,
           (100.0 * count(*) FILTER (WHERE r.resolved_at <= r.due_at)
              / nullif(count(r.due_at) FILTER (WHERE r.outcome_at IS NULL), 0))::float8 AS pct_on_time,
           count(*) FILTER (WHERE r.outcome_at IS NOT NULL AND r.status = 'referred')::integer AS referred,
           count(*) FILTER (WHERE r.outcome_at IS NOT NULL AND r.status = 'cannot_fix')::integer AS cannot_fix,
           count(*) FILTER (WHERE r.outcome_at IS NOT NULL AND r.status = 'no_action_needed')::integer AS no_action_needed,
           (100.0 * count(r.outcome_at) / nullif(count(r.id), 0))::float8 AS pct_other_outcome,
           ST_AsGeoJSON(k.geom, 6)::json AS geometry,
           ST_AsText(k.geom, 6) AS wkt
    FROM kelurahan k
    JOIN kecamatan kc ON kc.code = k.kecamatan_code
    LEFT JOIN reports r ON r.kelurahan_code = k.code AND ${windowConditions(window)}
    WHERE k.city_code = ANY(${window.cities})
    GROUP BY k.code, kc.name
    ORDER BY k.code`);
  return {
    layer: 'kelurahan',
    parameters: {
      ...echoWindow(window),
      unit: 'kelurahan the report was routed to',
      reports_per_1000: 'reports × 1000 / kelurahan.population; null when population is unknown',
      median_days_to_resolve: 'median of resolved_at − created_at, days, resolved reports only',
      pct_on_time: '% of reports with a due_at resolved at or before it, leaving out those referred, ' +
        'impossible to fix or needing no action; null when none is left',
      pct_other_outcome: '% of reports referred to another agency, found impossible to fix or found to need no action',
      n_kelurahan: rows.length,
    },
    columns: ['kelurahan_code', 'kelurahan_name', 'kecamatan_code', 'kecamatan_name', 'city_code', 'population',
      'reports', 'reports_per_1000', 'resolved', 'median_days_to_resolve', 'with_due_at', 'pct_on_time',
      'referred', 'cannot_fix', 'no_action_needed', 'pct_other_outcome'],
    features: rows.map(({ geometry, wkt, ...properties }) => ({ geometry, wkt, properties })),
  };
}
