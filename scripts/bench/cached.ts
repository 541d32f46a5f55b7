// Cached tiles: one hot tile at 64 concurrent keep-alive connections through the real server,
// beside a bare Fastify route in its own process returning the same bytes.
import { sql } from '../../server/src/db/database.ts';
import type { BenchArea } from './context.ts';
import { startNodeProcess } from '../../server/test/support/server-process.ts';
import { freePort, sampleRss } from './server.ts';
import { round } from './stats.ts';
import { rows } from './table.ts';
import { fetchTile } from './tile-requests.ts';
import { requireWrk, wrkRequestsPerSecond } from './wrk.ts';

const connections = 64;
const seconds = 10;
const hotZoom = 12;

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
  try {
    wrkRequestsPerSecond(`${bare.url}/tile.mvt`, connections, 2, headers); // warm-up
    const bareRun = wrkRequestsPerSecond(`${bare.url}/tile.mvt`, connections, seconds, headers);
    wrkRequestsPerSecond(`${context.server.url}${path}`, connections, 2, headers);
    const rss = sampleRss(context.server.pid);
    const served = wrkRequestsPerSecond(`${context.server.url}${path}`, connections, seconds, headers);
    context.peakRssMb = Math.max(context.peakRssMb, rss.stop());
    if (served.non2xx || bareRun.non2xx) throw new Error(`non-2xx answers under load: server ${served.non2xx}, bare ${bareRun.non2xx}`);
    context.log(`cached tile ${path} (${first.bytes} B gzipped): ${served.rps} req/s, bare route ${bareRun.rps} req/s`);
    rows.push({
      area: 'tiles cached', figure: `${hotTile.z}/${hotTile.x}/${hotTile.y} @${connections} conn`, value: served.rps, unit: 'req/s',
      limit: { value: round(0.8 * bareRun.rps, 0), kind: 'above', unit: 'req/s (0.8 × bare)' },
      reference: { label: 'bare route', value: bareRun.rps },
    });
    Object.assign(context.results, {
      tiles_cached_rps: served.rps, bare_route_rps: bareRun.rps,
      tiles_cached_ratio: round(served.rps / bareRun.rps, 3), tiles_cached_tile: `${hotTile.z}/${hotTile.x}/${hotTile.y}`,
      tiles_cached_connections: connections, tiles_cached_load_generator: 'wrk -t2',
    });
  } finally {
    await bare.stop();
  }
};
