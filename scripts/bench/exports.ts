// Exports: the analytics downloads as CSV, each asked for once (the first request computes;
// later ones are served from the analytics cache until new reports arrive).
import type { BenchArea } from './context.ts';
import { round } from './stats.ts';
import { rows } from './table.ts';

const downloads = {
  kelurahan_csv: '/api/analytics/kelurahan?format=csv',
  weekly_csv: '/api/analytics/weekly?format=csv',
  getis_ord_csv: '/api/hotspots/getis-ord?format=csv',
  getis_ord_geojson: '/api/hotspots/getis-ord?format=geojson',
};

export const exportsBench: BenchArea = async (context) => {
  const figures: Record<string, { ms: number; bytes: number }> = {};
  for (const [name, path] of Object.entries(downloads)) {
    const started = performance.now();
    const response = await fetch(`${context.server.url}${path}`);
    const body = Buffer.from(await response.arrayBuffer());
    const ms = performance.now() - started;
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${body.toString('utf8', 0, 300)}`);
    figures[name] = { ms: round(ms, 1), bytes: body.length };
    context.log(`export ${name}: ${body.length} B in ${round(ms)} ms`);
    rows.push({ area: 'exports', figure: `${name} (${body.length.toLocaleString('en')} B)`, value: round(ms), unit: 'ms' });
  }
  context.results.exports = figures;
};
