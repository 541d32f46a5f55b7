// Bulk downloads: every public report (the full --reports, 1,000,000 by default) as CSV, GeoJSON
// and NDJSON from /api/exports/reports.*, read by one client to the end, while the server's
// VmRSS is sampled every 100 ms. The export reads through a server-side cursor in batches, so
// the server's memory must stay flat whatever the row count: the figure is its peak growth
// over idle, beside the bytes and rows sent. Each format is first downloaded for one kelurahan
// (a few thousand rows), so that idle is measured after the code has run once (compiled, its
// heap grown to its working size): what is left is what the row count adds.
import { sql } from '../../server/src/db/database.ts';
import type { BenchArea } from './context.ts';
import { rssMb, sampleRss } from './server.ts';
import { round } from './stats.ts';
import { rows } from './table.ts';

const formats = ['csv', 'geojson', 'ndjson'] as const;
// Growth allowed over idle while a million rows stream: a few batches in flight, not the rows.
const limitGrowthMb = 100;

async function download(url: string): Promise<{ bytes: number; newlines: number }> {
  // Without Accept-Encoding: the bytes as they leave the cursor, no compression buffers.
  const response = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
  if (!response.ok || !response.body) throw new Error(`${url}: HTTP ${response.status}`);
  let bytes = 0;
  let newlines = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) newlines++;
  }
  return { bytes, newlines };
}

export const exportsStreamBench: BenchArea = async (context) => {
  const figures: Record<string, unknown> = {};
  const [{ code: kelurahan }] = await context.db.query<{ code: string }>(sql`SELECT code FROM kelurahan ORDER BY code LIMIT 1`);
  for (const format of formats) {
    await download(`${context.server.url}/api/exports/reports.${format}?kelurahan=${kelurahan}`);
    const idleMb = rssMb(context.server.pid);
    const rss = sampleRss(context.server.pid);
    const started = performance.now();
    const { bytes, newlines } = await download(`${context.server.url}/api/exports/reports.${format}`).catch((error: Error) => {
      throw new Error(`${error.message}; server ${context.server.ended() ?? 'running'}:\n${context.server.output().slice(-2000)}`, { cause: error });
    });
    const seconds = (performance.now() - started) / 1000;
    const peakMb = rss.stop();
    context.peakRssMb = Math.max(context.peakRssMb, peakMb);
    // CSV: a header line; GeoJSON: a head, one line per feature and a closing line; NDJSON: one per feature.
    const rowsSent = format === 'csv' ? newlines - 1 : format === 'geojson' ? newlines - 2 : newlines;
    const growthMb = peakMb - idleMb;
    context.log(`exports-stream ${format}: ${rowsSent} rows, ${(bytes / 1e6).toFixed(0)} MB in ${round(seconds)} s; ` +
      `server RSS idle ${round(idleMb)} MB, peak ${round(peakMb)} MB (+${round(growthMb)} MB)`);
    figures[format] = { rows: rowsSent, bytes, seconds: round(seconds), rss_idle_mb: round(idleMb), rss_peak_mb: round(peakMb) };
    rows.push({
      area: 'exports-stream', figure: `reports.${format}: server RSS growth, ${rowsSent.toLocaleString('en')} rows`,
      value: round(growthMb), unit: 'MB', limit: { value: limitGrowthMb, kind: 'below', unit: 'MB' },
    });
    rows.push({ area: 'exports-stream', figure: `reports.${format}: rows per second`, value: Math.round(rowsSent / seconds), unit: 'rows/s' });
  }
  context.results.exports_stream = figures;
};
