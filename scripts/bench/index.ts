// npm run bench -- [area …] [--reports N] [--tiles-per-zoom K] [--mixed-seconds S] [--database NAME]
// Areas: tiles, tiles-window, cached, memory, mixed, ingest, abuse, first-view, phone-map, phone-report, list, ogc, exports,
// exports-stream, seed (the demo seed into its own scratch database), hotspots, all (default).
// Needs DATABASE_URL (PostgreSQL + PostGIS); the bench works in its own database beside it.
import { parseArgs } from 'node:util';
import { abuseBench } from './abuse.ts';
import { benchDatabase } from './bench-database.ts';
import { cachedBench } from './cached.ts';
import type { BenchArea, BenchContext } from './context.ts';
import { exportsBench } from './exports.ts';
import { exportsStreamBench } from './exports-stream.ts';
import { firstViewBench } from './first-view.ts';
import { runHotspots } from './hotspots-run.ts';
import { ingestBench } from './ingest.ts';
import { listBench } from './list.ts';
import { memoryBench } from './memory.ts';
import { mixedBench } from './mixed.ts';
import { phoneMapBench } from './phone-map.ts';
import { phoneReportBench } from './phone-report.ts';
import { ogcBench } from './ogc.ts';
import { load, machine, writeResults } from './results.ts';
import { exitOnSetupError } from './server-database.ts';
import { startPetawarga } from './server.ts';
import { seedBench } from './seed.ts';
import { printTable } from './table.ts';
import { tilesBench } from './tiles.ts';
import { windowTilesBench } from './window-tiles.ts';

// In the order `all` runs them: reads before the ingest adds (and removes) reports, and the
// cached-tile load after the sweeps have filled the tile cache, as on a server that has run a while.
const areas: Record<string, BenchArea> = {
  tiles: tilesBench,
  'tiles-window': windowTilesBench,
  memory: memoryBench,
  cached: cachedBench,
  list: listBench,
  ogc: ogcBench,
  exports: exportsBench,
  'exports-stream': exportsStreamBench,
  'first-view': firstViewBench,
  'phone-map': phoneMapBench,
  'phone-report': phoneReportBench,
  mixed: mixedBench,
  ingest: ingestBench,
  abuse: abuseBench,
  seed: seedBench,
};
const usage = `usage: npm run bench -- [${[...Object.keys(areas), 'hotspots', 'all'].join('|')} …] [--reports N] [--tiles-per-zoom K] [--mixed-seconds S] [--database NAME]`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    reports: { type: 'string', default: '1000000' },
    'tiles-per-zoom': { type: 'string', default: '0' },
    'mixed-seconds': { type: 'string', default: '30' },
    // Another bench database than petawarga_bench_r<N>, e.g. one not shared with a branch whose
    // db/functions differ (preparing a database applies this checkout's functions to it).
    database: { type: 'string' },
  },
});
const reports = Number(values.reports);
const tilesPerZoom = Number(values['tiles-per-zoom']);
const mixedSeconds = Number(values['mixed-seconds']);
const asked = positionals.length ? positionals : ['all'];
const unknown = asked.filter((a) => a !== 'all' && a !== 'hotspots' && !(a in areas));
if (!Number.isSafeInteger(reports) || reports < 1 || !Number.isSafeInteger(tilesPerZoom) || tilesPerZoom < 0
  || !Number.isSafeInteger(mixedSeconds) || mixedSeconds < 1 || unknown.length
  || (values.database !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(values.database))) {
  console.error(unknown.length ? `unknown area: ${unknown.join(', ')}\n${usage}` : usage);
  process.exit(2);
}
const chosen = asked.includes('all') ? Object.keys(areas) : Object.keys(areas).filter((a) => asked.includes(a));
const log = (message: string) => console.log(`[bench] ${message}`);

const started = new Date();
const { db, url } = await benchDatabase(reports, log, values.database).catch(exitOnSetupError);
const context: BenchContext = {
  reports, db, databaseUrl: url, tilesPerZoom, mixedSeconds, results: {}, peakRssMb: 0, log,
  server: await startPetawarga(url),
};
// The machine is shared: the load average as each area starts says how busy it was.
const loadByArea: Record<string, ReturnType<typeof load>> = {};
// An area that fails is reported and the run goes on: the other areas' figures are still written.
const failedAreas: Record<string, string> = {};
// A promise an area left behind that rejects later (a browser event after its page closed) is
// logged, not allowed to end the run.
process.on('unhandledRejection', (error) => {
  log(`unhandled rejection: ${(error as Error)?.stack ?? String(error)}`);
  process.exitCode = 1;
});
try {
  for (const area of chosen) {
    log(`— ${area}`);
    loadByArea[area] = load();
    try {
      await areas[area](context);
    } catch (error) {
      failedAreas[area] = (error as Error).message;
      log(`${area} FAILED: ${(error as Error).stack}`);
      process.exitCode = 1;
    }
  }
} finally {
  await context.server.stop();
}

// Hotspots has its own script and scratch database (hotspots-run.ts), run with the server stopped.
if (asked.includes('all') || asked.includes('hotspots')) {
  log('— hotspots (scripts/bench/hotspots.ts)');
  loadByArea.hotspots = load();
  const hotspots = runHotspots(reports);
  context.results.hotspots = hotspots.lines;
  if (!hotspots.ok) process.exitCode = 1;
}

const run = {
  reports,
  started_at: started.toISOString(),
  areas: chosen,
  ...context.results,
  ...(Object.keys(failedAreas).length ? { failed_areas: failedAreas } : {}),
  load: { ...loadByArea, after: load() },
  machine: await machine(db),
};
await db.close();
printTable();
log(`written ${writeResults(run)} and bench/results/latest.json`);
