// Server memory under tile load: 16 clients at once sweep every city tile z8–z18 with a filter
// no earlier phase used (so every tile is rendered, and the tile cache fills to its bound),
// while /proc/<pid>/status VmRSS is sampled every 100 ms. The figure is the peak over this and
// any earlier phase of the run.
import { cityTiles } from './city-tiles.ts';
import type { BenchArea } from './context.ts';
import { rssMb, sampleRss } from './server.ts';
import { round } from './stats.ts';
import { rows } from './table.ts';
import { fetchTile, inParallel } from './tile-requests.ts';
import { busiestCategories, zooms } from './tiles.ts';

const clients = 16;
const limitMb = 400;

export const memoryBench: BenchArea = async (context) => {
  const categories = await busiestCategories(context);
  const query = `category=${categories.slice(1, 3).join(',')}`;
  const tiles = [];
  for (const z of zooms) tiles.push(...(await cityTiles(context.db, z, context.tilesPerZoom)));
  const idleMb = rssMb(context.server.pid);
  const rss = sampleRss(context.server.pid);
  const started = performance.now();
  await inParallel(tiles, clients, async (tile) => { await fetchTile(context.server.url, tile, query); });
  const seconds = (performance.now() - started) / 1000;
  const peak = Math.max(context.peakRssMb, rss.stop());
  context.peakRssMb = peak;
  context.log(`memory: ${tiles.length} tiles (${query}) by ${clients} clients in ${seconds.toFixed(1)} s; RSS idle ${round(idleMb)} MB, peak ${round(peak)} MB`);
  rows.push({
    area: 'memory', figure: `server RSS peak under tile load`, value: round(peak), unit: 'MB',
    limit: { value: limitMb, kind: 'below', unit: 'MB' },
    reference: { label: 'idle RSS', value: round(idleMb) },
  });
  Object.assign(context.results, {
    server_rss_mb: round(peak), server_rss_idle_mb: round(idleMb),
    memory_load: { tiles: tiles.length, clients, filter: query, seconds: round(seconds), tiles_per_s: round(tiles.length / seconds) },
  });
};
