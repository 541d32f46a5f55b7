// Mixed load: 64 people use the public map (MapViewer: pans, zooms and jumps over the city,
// each view's new tiles at up to 6 at once as a browser asks one host) while residents submit
// reports through POST /api/reports at 20 and then 100 a second. The same-run reference is the
// same viewers, same seed, with no writes. Before it the viewers run once unmeasured, so every
// measured phase starts from the cache a server that has been up a while has.
//
// The server is started for this area alone with the per-device and per-address write limits
// lifted (as server/test/resilience/run.ts does), so that the abuse guard, not the load, never
// answers. Each report still comes from its own address (X-Forwarded-For, trusted with
// TRUST_PROXY=127.0.0.1), as residents' reports do: the burst screening takes a lock per source
// (moderation/decide.ts), and from one address all 100 reports a second queued behind it,
// holding 9 of the server's 10 database connections, so tiles waited for a connection. A cache hit is a tile answered with
// X-Read-From: cache (server/src/tiles/serve.ts). Every added report is deleted afterwards.
import { sql } from '../../server/src/db/database.ts';
import type { TileCoord } from '../../tiles/src/index.ts';
import type { BenchArea, BenchContext } from './context.ts';
import { deleteAddedReports } from './ingest.ts';
import { MapViewer, seededRandom, type CityBounds } from './map-viewer.ts';
import { cpuMs, sampleRss, startPetawarga } from './server.ts';
import { percentile, round } from './stats.ts';
import { rows } from './table.ts';
import { fetchTile, inParallel } from './tile-requests.ts';

const viewers = 64;
const browserConnections = 6;
const writeRates = [20, 100];
const limits = { tileP95Ms: 50, hitRatio: 0.9, rssMb: 400 };
const seed = 15;
const unlimitedWrites = {
  SOURCE_BURST_LIMIT: '100000', ADDRESS_BURST_LIMIT: '1000000', DEVICE_WRITE_LIMIT: '1000000', ADDRESS_WRITE_LIMIT: '1000000',
};

interface Sample { lon: number; lat: number; category: string }

interface TileFigures {
  tiles: number; tile_p50_ms: number; tile_p95_ms: number; tile_p99_ms: number; cache_hit_ratio: number;
  /** Whether slow answers were renders or waits for a busy machine: p95 of hits and of misses. */
  hit_p95_ms: number; miss_p95_ms: number;
  /** Where the requests went and which zooms missed the cache: tiles and hit ratio per zoom. */
  by_zoom: Record<number, { tiles: number; cache_hit_ratio: number }>;
}
interface IngestFigures { reports_posted: number; reports_per_s: number; ingest_p50_ms: number; ingest_p95_ms: number }

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** The viewers for `seconds`: every tile's time and whether the cache answered it. */
async function runViewers(url: string, city: CityBounds, seconds: number): Promise<TileFigures> {
  const until = performance.now() + seconds * 1000;
  const times: number[] = [];
  const hitTimes: number[] = [];
  const missTimes: number[] = [];
  let hits = 0;
  const byZoom: Record<number, { tiles: number; hits: number }> = {};
  await Promise.all(Array.from({ length: viewers }, async (_, i) => {
    const random = seededRandom(seed * 1000 + i);
    const viewer = new MapViewer(city, random);
    // Visitors do not arrive in step: each opens the map within the first second.
    await pause(random() * 1000);
    while (performance.now() < until) {
      await inParallel(viewer.nextView(), browserConnections, async (tile: TileCoord) => {
        const { ms, from } = await fetchTile(url, tile, '');
        times.push(ms);
        (from === 'cache' ? hitTimes : missTimes).push(ms);
        const zoom = (byZoom[tile.z] ??= { tiles: 0, hits: 0 });
        zoom.tiles++;
        if (from === 'cache') (hits++, zoom.hits++);
      });
      // Looking at the view before the next move.
      await pause(500 + random() * 1000);
    }
  }));
  return {
    tiles: times.length,
    tile_p50_ms: round(percentile(times, 50)), tile_p95_ms: round(percentile(times, 95)), tile_p99_ms: round(percentile(times, 99)),
    cache_hit_ratio: round(hits / times.length, 3),
    hit_p95_ms: round(percentile(hitTimes, 95)), miss_p95_ms: round(percentile(missTimes, 95)),
    by_zoom: Object.fromEntries(Object.entries(byZoom).map(([z, n]) => [z, { tiles: n.tiles, cache_hit_ratio: round(n.hits / n.tiles, 3) }])),
  };
}

/** Reports at `rate` a second for `seconds`, on a schedule that does not wait for answers. */
async function postReports(url: string, samples: Sample[], rate: number, seconds: number): Promise<IngestFigures> {
  const times: number[] = [];
  const refused: string[] = [];
  const sent: Promise<void>[] = [];
  const started = performance.now();
  for (let i = 0; i < rate * seconds; i++) {
    await pause(started + (i * 1000) / rate - performance.now());
    const s = samples[i % samples.length];
    sent.push((async () => {
      const begun = performance.now();
      const response = await fetch(`${url}/api/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
        body: JSON.stringify({
          category: s.category, lon: s.lon, lat: s.lat, accuracy_m: 8,
          description: `Saluran air tersumbat dan jalan tergenang, laporan uji beban campuran ${i}`,
        }),
      });
      const body = await response.text();
      times.push(performance.now() - begun);
      if (response.status !== 201) refused.push(`HTTP ${response.status} ${body.slice(0, 300)}`);
    })());
  }
  await Promise.all(sent);
  const elapsed = (performance.now() - started) / 1000;
  if (refused.length) throw new Error(`${refused.length} of ${sent.length} reports were refused, e.g. ${refused[0]}`);
  return {
    reports_posted: sent.length, reports_per_s: round(sent.length / elapsed),
    ingest_p50_ms: round(percentile(times, 50)), ingest_p95_ms: round(percentile(times, 95)),
  };
}

async function cityBounds(context: BenchContext): Promise<CityBounds> {
  const [bounds] = await context.db.query<CityBounds>(sql`
    SELECT ST_XMin(e) AS west, ST_YMin(e) AS south, ST_XMax(e) AS east, ST_YMax(e) AS north
    FROM (SELECT ST_Extent(geom)::geometry AS e FROM cities) AS extent`);
  return bounds;
}

export const mixedBench: BenchArea = async (context) => {
  const seconds = context.mixedSeconds;
  const city = await cityBounds(context);
  const [{ last_id: lastId }] = await context.db.query<{ last_id: number }>(sql`SELECT coalesce(max(id), 0)::int AS last_id FROM reports`);
  // Where residents report, drawn from the reports already there (spread like real ones).
  const samples = await context.db.query<Sample>(sql`
    SELECT ST_X(location) AS lon, ST_Y(location) AS lat, category_code AS category
    FROM reports ORDER BY md5(id::text) LIMIT ${Math.max(...writeRates) * seconds}`);
  const server = await startPetawarga(context.databaseUrl, unlimitedWrites);
  const phases: Record<string, TileFigures & Partial<IngestFigures> & { server_cpu_share?: number }> = {};
  // The server's CPU time over the phase's wall time: near 1 on a busy core of its own, far
  // below when other work on the machine starves it.
  const cpuShare = async <T>(phase: () => Promise<T>): Promise<T & { server_cpu_share: number }> => {
    const cpuBefore = cpuMs(server.pid), started = performance.now();
    const figures = await phase();
    return { ...figures, server_cpu_share: round((cpuMs(server.pid) - cpuBefore) / (performance.now() - started), 2) };
  };
  let rssPeakMb = 0;
  try {
    context.log(`mixed: ${viewers} viewers, warming the cache for ${seconds} s`);
    await runViewers(server.url, city, seconds);
    context.log(`mixed: no writes (reference), ${seconds} s`);
    phases.no_writes = await cpuShare(() => runViewers(server.url, city, seconds));
    const rss = sampleRss(server.pid);
    for (const rate of writeRates) {
      context.log(`mixed: ${rate} reports/s, ${seconds} s`);
      phases[`writes_${rate}_per_s`] = await cpuShare(async () => {
        const [tiles, ingest] = await Promise.all([runViewers(server.url, city, seconds), postReports(server.url, samples, rate, seconds)]);
        return { ...tiles, ...ingest };
      });
    }
    rssPeakMb = round(rss.stop());
  } finally {
    await server.stop();
    await deleteAddedReports(context, lastId);
  }

  const reference = phases.no_writes;
  for (const [name, p] of Object.entries(phases)) {
    context.log(`mixed ${name}: ${p.tiles} tiles p50 ${p.tile_p50_ms} / p95 ${p.tile_p95_ms} / p99 ${p.tile_p99_ms} ms, hit ratio ${p.cache_hit_ratio} (p95 of hits ${p.hit_p95_ms}, of misses ${p.miss_p95_ms} ms), server CPU ${p.server_cpu_share} of a core` +
      (p.reports_posted ? `; ${p.reports_posted} reports at ${p.reports_per_s}/s, ingest p50 ${p.ingest_p50_ms} / p95 ${p.ingest_p95_ms} ms` : ''));
    context.log(`  by zoom (tiles, hit ratio): ${Object.entries(p.by_zoom).map(([z, n]) => `z${z} ${n.tiles} ${n.cache_hit_ratio}`).join(', ')}`);
  }
  for (const rate of [...writeRates].reverse()) {
    const p = phases[`writes_${rate}_per_s`];
    const at = `@${rate} reports/s`;
    rows.push(
      { area: 'mixed', figure: `tile p95 ${at}`, value: p.tile_p95_ms, unit: 'ms',
        limit: { value: limits.tileP95Ms, kind: 'below', unit: 'ms' }, reference: { label: 'no writes', value: reference.tile_p95_ms } },
      { area: 'mixed', figure: `tile cache hit ratio ${at}`, value: p.cache_hit_ratio, unit: '',
        limit: { value: limits.hitRatio, kind: 'above', unit: '' }, reference: { label: 'no writes', value: reference.cache_hit_ratio } },
      { area: 'mixed', figure: `tile p50 ${at}`, value: p.tile_p50_ms, unit: 'ms', reference: { label: 'no writes', value: reference.tile_p50_ms } },
      { area: 'mixed', figure: `tile p99 ${at}`, value: p.tile_p99_ms, unit: 'ms', reference: { label: 'no writes', value: reference.tile_p99_ms } },
      { area: 'mixed', figure: `ingest p50 ${at}`, value: p.ingest_p50_ms!, unit: 'ms' },
      { area: 'mixed', figure: `ingest p95 ${at}`, value: p.ingest_p95_ms!, unit: 'ms' },
    );
  }
  rows.push({ area: 'mixed', figure: 'server RSS peak under the mixed load', value: rssPeakMb, unit: 'MB', limit: { value: limits.rssMb, kind: 'below', unit: 'MB' } });
  Object.assign(context.results, {
    mixed: {
      ...phases,
      server_rss_peak_mb: rssPeakMb,
      settings: { viewers, browser_connections: browserConnections, seconds_per_phase: seconds, write_rates: writeRates, seed, write_limits: 'lifted' },
    },
  });
};
