// Cached tiles: one hot tile at 64 concurrent keep-alive connections through the real server,
// beside a bare Fastify route in its own process returning the same bytes. Five runs, each the
// bare route then the server back to back, so a burst of load from a neighbour on the shared
// machine lands in one run's pair rather than in one side only; the figure is the median ratio.
import { sql } from '../../server/src/db/database.ts';
import type { BenchArea } from './context.ts';
import { startNodeProcess } from '../../server/test/support/server-process.ts';
import { freePort, sampleRss } from './server.ts';
import { percentile, round } from './stats.ts';
import { rows } from './table.ts';
import { fetchTile } from './tile-requests.ts';
import { requireWrk, wrkRequestsPerSecond } from './wrk.ts';

const connections = 64;
const runs = 5;
const secondsPerRun = 5;
const hotZoom = 12;
const limitRatio = 0.8;

export const cachedBench: BenchArea = async (context) => {
  requireWrk();
  // The zoom-12 tile holding most reports: one a new visitor's first view asks for.
  const [hotTile] = await context.db.query<{ z: number; x: number; y: number }>(sql`
    SELECT ${hotZoom}::int AS z, cell_x / 16 AS x, cell_y / 16 AS y
    FROM report_cluster_cells WHERE zoom = ${hotZoom}
    GROUP BY 2, 3 ORDER BY sum(report_count) DESC LIMIT 1`);
  const path = `/tiles/reports/${hotTile.z}/${hotTile.x}/${hotTile.y}.mvt`;
  const first = await fetchTile(context.server.url, hotTile, '');
  const again = await fetchTile(context.server.url, hotTile, '');
  if (again.from !== 'cache') throw new Error(`hot tile not cached after one request (x-read-from: ${again.from})`);
  const headers = { 'accept-encoding': 'gzip' };
  const bare = await startNodeProcess('scripts/bench/bare-route.ts', { TILE_URL: `${context.server.url}${path}` }, '/ready', await freePort());
  const bareUrl = `${bare.url}/tile.mvt`, servedUrl = `${context.server.url}${path}`;
  try {
    wrkRequestsPerSecond(bareUrl, connections, 2, headers); // warm-up: both processes' code compiled
    wrkRequestsPerSecond(servedUrl, connections, 2, headers);
    const pairs: { served: number; bare: number; ratio: number }[] = [];
    const rss = sampleRss(context.server.pid);
    for (let run = 1; run <= runs; run++) {
      const bareRun = wrkRequestsPerSecond(bareUrl, connections, secondsPerRun, headers);
      const served = wrkRequestsPerSecond(servedUrl, connections, secondsPerRun, headers);
      if (served.non2xx || bareRun.non2xx) throw new Error(`non-2xx answers under load: server ${served.non2xx}, bare ${bareRun.non2xx}`);
      pairs.push({ served: served.rps, bare: bareRun.rps, ratio: round(served.rps / bareRun.rps, 3) });
      context.log(`cached tile run ${run}/${runs}: server ${served.rps} req/s, bare route ${bareRun.rps} req/s, ratio ${pairs.at(-1)!.ratio}`);
    }
    context.peakRssMb = Math.max(context.peakRssMb, rss.stop());
    const ratios = pairs.map((p) => p.ratio);
    const median = percentile(ratios, 50);
    const medianPair = pairs.find((p) => p.ratio === median)!;
    context.log(`cached tile ${path} (${first.bytes} B gzipped): median ratio ${median} of ${ratios.join(', ')}`);
    rows.push({
      area: 'tiles cached', figure: `${hotTile.z}/${hotTile.x}/${hotTile.y} @${connections} conn, server ÷ bare route, median of ${runs}`,
      value: median, unit: '×', limit: { value: limitRatio, kind: 'above', unit: '×' },
      reference: { label: 'bare route', value: 1 },
    });
    rows.push({
      area: 'tiles cached', figure: `${hotTile.z}/${hotTile.x}/${hotTile.y} @${connections} conn, run of the median`, value: medianPair.served, unit: 'req/s',
      limit: { value: round(limitRatio * medianPair.bare, 0), kind: 'above', unit: `req/s (${limitRatio} × bare)` },
      reference: { label: 'bare route', value: medianPair.bare },
    });
    Object.assign(context.results, {
      tiles_cached_rps: medianPair.served, bare_route_rps: medianPair.bare,
      tiles_cached_ratio: median, tiles_cached_ratios: ratios, tiles_cached_runs: pairs,
      tiles_cached_seconds_per_run: secondsPerRun, tiles_cached_tile: `${hotTile.z}/${hotTile.x}/${hotTile.y}`,
      tiles_cached_connections: connections, tiles_cached_load_generator: 'wrk -t2',
    });
  } finally {
    await bare.stop();
  }
};
