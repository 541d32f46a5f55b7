// Uncached tiles: every tile covering the city at z8–z18, each asked for once per filter (so
// the server must render it), one request at a time, beside the same tile SQL run directly
// through pg (the floor: what the database alone needs for that tile).
import { sql } from '../../server/src/db/database.ts';
import { parseReportFilter } from '../../server/src/reports/filters.ts';
import { reportsLayer } from '../../server/src/reports/tile-layers.ts';
import { renderTile } from '../../tiles/src/index.ts';
import { cityTiles } from './city-tiles.ts';
import type { BenchArea, BenchContext } from './context.ts';
import { sampleRss } from './server.ts';
import { percentile, round } from './stats.ts';
import { rows } from './table.ts';
import { fetchTile } from './tile-requests.ts';

export const zooms = Array.from({ length: 11 }, (_, i) => 8 + i);
const targetP95Ms = 50;

/** Category codes by how many reports they hold, most first: filters that select much. */
export async function busiestCategories(context: BenchContext): Promise<string[]> {
  const found = await context.db.query<{ category_code: string }>(sql`
    SELECT category_code FROM report_cluster_cells WHERE zoom = 10
    GROUP BY 1 ORDER BY sum(report_count) DESC`);
  return found.map((r) => r.category_code);
}

export const tilesBench: BenchArea = async (context) => {
  const [category] = await busiestCategories(context);
  const variants = [{ label: 'all', query: '' }, { label: `category=${category}`, query: `category=${category}` }];
  const served: Record<string, number[]> = {};
  const floor: Record<string, number[]> = {};
  const byZoom = { served: {} as Record<number, number>, floor: {} as Record<number, number>, served50: {} as Record<number, number>, floor50: {} as Record<number, number>, tiles: {} as Record<number, number> };
  const byVariant: Record<string, Record<number, number>> = {};
  let fromCache = 0;
  const rss = sampleRss(context.server.pid);
  for (const z of zooms) {
    const tiles = await cityTiles(context.db, z, context.tilesPerZoom);
    byZoom.tiles[z] = tiles.length;
    const servedZ: number[] = [];
    const floorZ: number[] = [];
    // Each filter has its own row too: the limit holds for every one of them, not for their mix.
    const servedByVariant: Record<string, number[]> = {};
    for (const variant of variants) {
      const servedVariant: number[] = (servedByVariant[variant.label] = []);
      const layer = reportsLayer(parseReportFilter(variant.query ? { category } : {}));
      for (const [i, tile] of tiles.entries()) {
        // Alternate which goes first, so neither always finds the pages the other just read.
        const viaSql = async () => {
          const started = performance.now();
          await renderTile(context.db, [layer], tile);
          floorZ.push(performance.now() - started);
        };
        const viaHttp = async () => {
          const answer = await fetchTile(context.server.url, tile, variant.query);
          if (answer.from === 'cache') fromCache++;
          servedZ.push(answer.ms);
          servedVariant.push(answer.ms);
        };
        if (i % 2) { await viaSql(); await viaHttp(); } else { await viaHttp(); await viaSql(); }
      }
    }
    served[z] = servedZ;
    floor[z] = floorZ;
    byZoom.served[z] = round(percentile(servedZ, 95), 2);
    byZoom.floor[z] = round(percentile(floorZ, 95), 2);
    byZoom.served50[z] = round(percentile(servedZ, 50), 2);
    byZoom.floor50[z] = round(percentile(floorZ, 50), 2);
    context.log(`tiles z${z}: ${tiles.length} tiles × ${variants.length} filters, p50 ${byZoom.served50[z]} ms, p95 ${byZoom.served[z]} ms (SQL floor p95 ${byZoom.floor[z]} ms)`);
    rows.push({
      area: 'tiles uncached', figure: `z${z} p95 (${servedZ.length} req, p50 ${byZoom.served50[z]})`, value: byZoom.served[z], unit: 'ms',
      limit: { value: targetP95Ms, kind: 'below', unit: 'ms' },
      reference: { label: 'SQL floor p95', value: byZoom.floor[z] },
    });
    for (const [label, samples] of Object.entries(servedByVariant)) {
      const p95 = round(percentile(samples, 95), 2);
      (byVariant[label] ??= {})[z] = p95;
      rows.push({
        area: 'tiles uncached', figure: `z${z} p95, ${label} (${samples.length} req)`, value: p95, unit: 'ms',
        limit: { value: targetP95Ms, kind: 'below', unit: 'ms' },
      });
    }
  }
  context.peakRssMb = Math.max(context.peakRssMb, rss.stop());
  if (fromCache) throw new Error(`${fromCache} tile requests were answered from the cache: the uncached sweep is not uncached`);
  Object.assign(context.results, {
    tiles_uncached_p95_ms: byZoom.served,
    tiles_uncached_p50_ms: byZoom.served50,
    tile_sql_floor_p95_ms: byZoom.floor,
    tile_sql_floor_p50_ms: byZoom.floor50,
    tiles_per_zoom: byZoom.tiles,
    tile_filters: variants.map((v) => v.label),
    tiles_uncached_p95_ms_by_filter: byVariant,
  });
};
