// Uncached tiles filtered by time (the last 7, 90 and 365 days, as "last N days" asks: since a
// moment mid-week, until now) and by status, at z8–z18 over the whole city, each tile asked for
// once per filter. Beside each: the same tile SQL run directly (the floor of today's query) and
// the query that answered time windows before the cells per week, which scanned the reports of
// the window (its floor is the reference this area is measured against).
import { sql } from '../../server/src/db/database.ts';
import { parseReportFilter, type ReportFilterQuery } from '../../server/src/reports/filters.ts';
import { reportsLayer } from '../../server/src/reports/tile-layers.ts';
import { renderTile, type TileCoord, type TileLayer } from '../../tiles/src/index.ts';
import { cityTiles } from './city-tiles.ts';
import type { BenchArea, BenchContext } from './context.ts';
import { percentile, round } from './stats.ts';
import { rows } from './table.ts';
import { fetchTile } from './tile-requests.ts';
import { zooms } from './tiles.ts';

const targetP95Ms = 50;
const dayMs = 86_400_000;

/** The status holding most public reports: a filter that selects much. */
async function busiestStatus(context: BenchContext): Promise<string> {
  const [row] = await context.db.query<{ status: string }>(sql`
    SELECT status FROM report_cluster_cells
    WHERE zoom = 10 AND status NOT IN ('submitted', 'rejected')
    GROUP BY 1 ORDER BY sum(report_count) DESC LIMIT 1`);
  return row.status;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

interface Variant {
  label: string;
  query: ReportFilterQuery;
}

export const windowTilesBench: BenchArea = async (context) => {
  const status = await busiestStatus(context);
  // One fixed "now" for the whole sweep, so that the URL and the direct SQL ask the same window.
  const now = Date.now();
  const lastDays = (days: number) => new Date(now - days * dayMs).toISOString();
  const variants: Variant[] = [
    { label: '7 days', query: { since: lastDays(7) } },
    { label: '90 days', query: { since: lastDays(90) } },
    { label: '365 days', query: { since: lastDays(365) } },
    { label: `status=${status}`, query: { status } },
    { label: `90 days, status=${status}`, query: { since: lastDays(90), status } },
  ];
  const results: Record<string, { served_p95_ms: Record<number, number>; served_p50_ms: Record<number, number>; sql_floor_p95_ms: Record<number, number>; old_scan_sql_floor_p95_ms: Record<number, number> }> = {};
  let fromCache = 0;
  const tilesByZoom = new Map<number, TileCoord[]>();
  for (const z of zooms) tilesByZoom.set(z, await cityTiles(context.db, z, context.tilesPerZoom));
  for (const variant of variants) {
    const filter = parseReportFilter(variant.query);
    const layer = reportsLayer(filter);
    // Before the cells per week every windowed cluster was counted from the reports; a filter
    // without a window was, and is, answered by the pyramid.
    const oldLayer: TileLayer = filter.since || filter.until ? reportsLayer(filter, 'reports') : layer;
    const query = new URLSearchParams(variant.query as Record<string, string>).toString();
    const figures = { served_p95_ms: {}, served_p50_ms: {}, sql_floor_p95_ms: {}, old_scan_sql_floor_p95_ms: {} } as (typeof results)[string];
    for (const z of zooms) {
      const tiles = tilesByZoom.get(z)!;
      const served: number[] = [];
      const floor: number[] = [];
      const oldFloor: number[] = [];
      for (const [i, tile] of tiles.entries()) {
        const steps = [
          async () => {
            const answer = await fetchTile(context.server.url, tile, query);
            if (answer.from === 'cache') fromCache++;
            served.push(answer.ms);
          },
          async () => floor.push(await timed(() => renderTile(context.db, [layer], tile))),
          async () => oldFloor.push(await timed(() => renderTile(context.db, [oldLayer], tile))),
        ];
        // Rotate which goes first, so none always finds the pages another just read.
        for (let k = 0; k < steps.length; k++) await steps[(i + k) % steps.length]();
      }
      figures.served_p95_ms[z] = round(percentile(served, 95), 2);
      figures.served_p50_ms[z] = round(percentile(served, 50), 2);
      figures.sql_floor_p95_ms[z] = round(percentile(floor, 95), 2);
      figures.old_scan_sql_floor_p95_ms[z] = round(percentile(oldFloor, 95), 2);
      context.log(`tiles ${variant.label} z${z}: ${tiles.length} tiles, p50 ${figures.served_p50_ms[z]} ms, p95 ${figures.served_p95_ms[z]} ms ` +
        `(SQL floor p95 ${figures.sql_floor_p95_ms[z]} ms, old query's floor p95 ${figures.old_scan_sql_floor_p95_ms[z]} ms)`);
      rows.push({
        area: `tiles ${variant.label}`, figure: `z${z} p95 (${served.length} req, p50 ${figures.served_p50_ms[z]})`,
        value: figures.served_p95_ms[z], unit: 'ms',
        limit: { value: targetP95Ms, kind: 'below', unit: 'ms' },
        reference: { label: 'old query SQL floor p95', value: figures.old_scan_sql_floor_p95_ms[z] },
      });
    }
    results[variant.label] = figures;
  }
  if (fromCache) throw new Error(`${fromCache} tile requests were answered from the cache: the uncached sweep is not uncached`);
  context.results.tiles_filtered_uncached = results;
};
