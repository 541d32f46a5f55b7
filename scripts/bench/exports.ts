// Exports: every analytics download (server/src/analytics/routes.ts) as a file, each asked for
// once on a server that has not computed it yet, so the figure includes the computation: the
// time to the first byte (limit 1 s) and to the last. Later requests are served from the
// analytics cache until new reports arrive. The report bulk downloads (/api/exports/reports.*)
// are timed the same way, at the full report count, by exports-stream.ts beside their memory.
import type { BenchArea } from './context.ts';
import { firstByteLimitMs, readDownload } from './download.ts';
import { round } from './stats.ts';
import { rows } from './table.ts';

const downloads = {
  kelurahan_csv: '/api/analytics/kelurahan?format=csv',
  weekly_csv: '/api/analytics/weekly?format=csv',
  getis_ord_csv: '/api/hotspots/getis-ord?format=csv',
  // Another cell size than the CSV's: the same parameters would be served from the cache.
  getis_ord_geojson_500m: '/api/hotspots/getis-ord?cell_m=500&format=geojson&download=true',
  dbscan_csv: '/api/hotspots/dbscan?format=csv',
  emerging_csv: '/api/hotspots/emerging?format=csv',
};

export const exportsBench: BenchArea = async (context) => {
  const figures: Record<string, { first_byte_ms: number; total_ms: number; bytes: number }> = {};
  for (const [name, path] of Object.entries(downloads)) {
    const got = await readDownload(`${context.server.url}${path}`);
    figures[name] = { first_byte_ms: round(got.firstByteMs, 1), total_ms: round(got.totalMs, 1), bytes: got.bytes };
    context.log(`export ${name}: ${got.bytes} B, first byte ${round(got.firstByteMs)} ms, whole ${round(got.totalMs)} ms`);
    rows.push({
      area: 'exports', figure: `${name}: first byte, uncached`, value: round(got.firstByteMs), unit: 'ms',
      limit: { value: firstByteLimitMs, kind: 'below', unit: 'ms' },
    });
    rows.push({ area: 'exports', figure: `${name}: whole download (${got.bytes.toLocaleString('en')} B)`, value: round(got.totalMs), unit: 'ms' });
  }
  context.results.exports = figures;
};
