// Bulk downloads: every public report (the full --reports, 1,000,000 by default) as CSV, GeoJSON
// and NDJSON from /api/exports/reports.*, read by one client to the end, while the server's
// VmRSS is sampled every 100 ms. The export reads through a server-side cursor in batches, so
// the server's memory must not grow with the row count. Each format is downloaded three times:
// for one kelurahan (a warm-up: code compiled, heap at its working size), for the newest eighth
// of the reports, and whole. The figure is how much higher the whole download's peak is than
// the eighth's: about zero when memory is constant, about 7/8 of the text when rows are kept.
import { sql } from '../../server/src/db/database.ts';
import type { BenchArea, BenchContext } from './context.ts';
import { firstByteLimitMs, readDownload } from './download.ts';
import { rssMb, sampleRss } from './server.ts';
import { round } from './stats.ts';
import { rows } from './table.ts';

const formats = ['csv', 'geojson', 'ndjson'] as const;
const limitMb = 50;

interface StreamedDownload { rows: number; bytes: number; seconds: number; firstByteMs: number; peakMb: number }

async function download(context: BenchContext, format: string, query: string): Promise<StreamedDownload> {
  const rss = sampleRss(context.server.pid);
  // Without Accept-Encoding: the bytes as they leave the cursor, no compression buffers.
  const got = await readDownload(`${context.server.url}/api/exports/reports.${format}${query}`, { 'accept-encoding': 'identity' })
    .catch((error: Error) => {
      throw new Error(`${error.message}; server ${context.server.ended() ?? 'running'}:\n${context.server.output().slice(-2000)}`, { cause: error });
    });
  const peakMb = rss.stop();
  context.peakRssMb = Math.max(context.peakRssMb, peakMb);
  // CSV: a header line; GeoJSON: a head, one line per feature and a closing line; NDJSON: one per feature.
  const sent = format === 'csv' ? got.newlines - 1 : format === 'geojson' ? got.newlines - 2 : got.newlines;
  return { rows: sent, bytes: got.bytes, seconds: got.totalMs / 1000, firstByteMs: got.firstByteMs, peakMb };
}

export const exportsStreamBench: BenchArea = async (context) => {
  const figures: Record<string, unknown> = {};
  const [{ code: kelurahan }] = await context.db.query<{ code: string }>(sql`SELECT code FROM kelurahan ORDER BY code LIMIT 1`);
  const [{ since }] = await context.db.query<{ since: string }>(sql`
    SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS since
    FROM reports ORDER BY created_at DESC OFFSET ${Math.floor(context.reports / 8)} LIMIT 1`);
  for (const format of formats) {
    await download(context, format, `?kelurahan=${kelurahan}`);
    const idleMb = rssMb(context.server.pid);
    const eighth = await download(context, format, `?since=${since}`);
    const whole = await download(context, format, '');
    context.log(`exports-stream ${format}: idle ${round(idleMb)} MB; ${eighth.rows} rows peak ${round(eighth.peakMb)} MB; ` +
      `${whole.rows} rows (${(whole.bytes / 1e6).toFixed(0)} MB, first byte ${round(whole.firstByteMs)} ms, whole ${round(whole.seconds)} s) peak ${round(whole.peakMb)} MB`);
    figures[format] = {
      rss_idle_mb: round(idleMb),
      eighth: { rows: eighth.rows, bytes: eighth.bytes, rss_peak_mb: round(eighth.peakMb) },
      whole: { rows: whole.rows, bytes: whole.bytes, first_byte_ms: round(whole.firstByteMs, 1), seconds: round(whole.seconds), rss_peak_mb: round(whole.peakMb) },
    };
    rows.push({
      area: 'exports-stream',
      figure: `reports.${format}: server RSS peak, ${whole.rows.toLocaleString('en')} rows less ${eighth.rows.toLocaleString('en')}`,
      value: round(whole.peakMb - eighth.peakMb), unit: 'MB', limit: { value: limitMb, kind: 'below', unit: 'MB' },
    });
    rows.push({ area: 'exports-stream', figure: `reports.${format}: server RSS peak, ${whole.rows.toLocaleString('en')} rows`, value: round(whole.peakMb), unit: 'MB' });
    rows.push({
      area: 'exports-stream', figure: `reports.${format}: first byte, ${whole.rows.toLocaleString('en')} rows`,
      value: round(whole.firstByteMs), unit: 'ms', limit: { value: firstByteLimitMs, kind: 'below', unit: 'ms' },
    });
    rows.push({ area: 'exports-stream', figure: `reports.${format}: whole download, ${(whole.bytes / 1e6).toFixed(1)} MB`, value: round(whole.seconds, 2), unit: 's' });
    rows.push({ area: 'exports-stream', figure: `reports.${format}: rows per second`, value: Math.round(whole.rows / whole.seconds), unit: 'rows/s' });
  }
  context.results.exports_stream = figures;
};
