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
           (100.0 * count(*) FILTER (WHERE r.resolved_at <= r.due_at) / nullif(count(r.due_at), 0))::float8 AS pct_on_time,
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
      pct_on_time: '% of reports with a due_at resolved at or before it; null when none has a due_at',
      n_kelurahan: rows.length,
    },
    columns: ['kelurahan_code', 'kelurahan_name', 'kecamatan_code', 'kecamatan_name', 'city_code', 'population',
      'reports', 'reports_per_1000', 'resolved', 'median_days_to_resolve', 'with_due_at', 'pct_on_time'],
    features: rows.map(({ geometry, wkt, ...properties }) => ({ geometry, wkt, properties })),
  };
}
