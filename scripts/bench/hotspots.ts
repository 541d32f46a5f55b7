// Benchmark (not a test): Gi* at each cell size, by k nearest neighbours, with FDR, over a time
// window, DBSCAN and emerging hot spots over 1,000,000 synthetic reports in a scratch database,
// uncached, through the analytics code and as the same SQL run directly in psql (the reference).
// Each case is one line for people and one `[row] {…}` line for the bench's table (hotspots-run.ts).
//   DATABASE_URL=postgres://… npx tsx scripts/bench/hotspots.ts [reports]
import { execFileSync } from 'node:child_process';
import type { Sql } from 'sql-template-tag';
import { dbscanClusters } from '../../server/src/analytics/dbscan.ts';
import { emergingHotspots } from '../../server/src/analytics/emerging.ts';
import { getisOrd } from '../../server/src/analytics/getis-ord.ts';
import { resultTileLayer } from '../../server/src/analytics/layer-tiles.ts';
import { renderTile, tilesContaining } from '../../tiles/src/index.ts';
import { cellSizes, type ReportWindow } from '../../server/src/analytics/parameters.ts';
import { inAnalysisSession } from '../../server/src/analytics/session.ts';
import { sql, type Queryable } from '../../server/src/db/database.ts';
import { publicStatuses } from '../../server/src/reports/filters.ts';
import { scratchDatabase } from './scratch-database.ts';
import { exitOnSetupError } from './server-database.ts';
import { type Row } from './table.ts';
import { loadSyntheticReports } from './synthetic-reports.ts';

const count = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
// Uniform synthetic reports (synthetic-reports.ts), not the demo seed: a known pattern to test.
const { db, url } = await scratchDatabase('petawarga_bench_hotspots', count,
  (scratch, n) => loadSyntheticReports(scratch, n, 42), (m) => console.log(`[bench] ${m}`)).catch(exitOnSetupError);
const window: ReportWindow = { categories: null, cities: ['36.71', '36.74'], statuses: [...publicStatuses], since: null, until: null };
// Time windows end just after the newest report: the synthetic reports span the 365 days before
// they were loaded, which may have been days ago.
const [{ newest }] = await db.query<{ newest: string }>(sql`SELECT (max(created_at) + interval '1 second')::text AS newest FROM reports`);
const daysBefore = (days: number) => new Date(new Date(newest).getTime() - days * 86_400_000).toISOString();
const until = new Date(newest).toISOString();
const limitMs = 1000;

// Parameter values written out as SQL literals, so psql runs exactly the statement the code ran.
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `'{${value.map((v) => `"${String(v)}"`).join(',')}}'`;
  return `'${String(value).replaceAll("'", "''")}'`;
}
const inline = (statement: Sql) => statement.text.replace(/\$(\d+)/g, (_, n) => literal(statement.values[Number(n) - 1]));

/** Runs fn through the code (median of 3), capturing its statement to time it in psql too. */
async function measure(label: string, fn: (tx: Queryable) => Promise<unknown>) {
  let captured: Sql | undefined;
  const timings: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    await inAnalysisSession(db, (tx) => fn({
      query: (statement) => {
        captured ??= statement;
        return tx.query(statement);
      },
    }));
    timings.push(performance.now() - started);
  }
  const code = timings.sort((a, b) => a - b)[1];
  const script = `SET jit = off;\nSET work_mem = '64MB';\n\\timing on\n${inline(captured!)};\n`;
  const psqlTimes: number[] = [];
  for (let run = 0; run < 3; run++) {
    const out = execFileSync('psql', [url, '-X', '-q', '-o', '/dev/null', '-f', '-'], { input: script, encoding: 'utf8' });
    psqlTimes.push(Number(/Time: ([\d.]+) ms/.exec(out)![1]));
  }
  const psql = psqlTimes.sort((a, b) => a - b)[1];
  console.log(`${label.padEnd(44)} code ${(code / 1000).toFixed(2)} s   psql ${(psql / 1000).toFixed(2)} s   ratio ${(code / psql).toFixed(2)}`);
  const row: Row = {
    area: 'hotspots', figure: `${label}, uncached, median of 3`, value: Math.round(code), unit: 'ms',
    limit: { value: limitMs, kind: 'below', unit: 'ms' }, reference: { label: 'same SQL in psql', value: Math.round(psql) },
  };
  console.log(`[row] ${JSON.stringify(row)}`);
}

console.log(`[bench] ${count.toLocaleString('en')} reports; median of 3 runs each, uncached`);
for (const cellM of cellSizes) {
  await measure(`Gi* ${cellM} m, distance ${2 * cellM} m`, (tx) =>
    getisOrd(tx, { window, neighbours: { cellM, rule: 'distance', distanceM: 2 * cellM, k: null }, fdr: false, measure: 'count' }));
}
await measure('Gi* 250 m, distance 500 m, FDR', (tx) =>
  getisOrd(tx, { window, neighbours: { cellM: 250, rule: 'distance', distanceM: 500, k: null }, fdr: true, measure: 'count' }));
await measure('Gi* 250 m, 8 nearest', (tx) =>
  getisOrd(tx, { window, neighbours: { cellM: 250, rule: 'knn', distanceM: null, k: 8 }, fdr: false, measure: 'count' }));
await measure('Gi* 250 m, distance 500 m, density', (tx) =>
  getisOrd(tx, { window, neighbours: { cellM: 250, rule: 'distance', distanceM: 500, k: null }, fdr: false, measure: 'density' }));
await measure('Gi* 250 m, distance 500 m, last 90 days', (tx) =>
  getisOrd(tx, { window: { ...window, since: daysBefore(90), until }, neighbours: { cellM: 250, rule: 'distance', distanceM: 500, k: null }, fdr: false, measure: 'count' }));
await measure('Gi* 250 m, 8 nearest, FDR, last 90 days', (tx) =>
  getisOrd(tx, { window: { ...window, since: daysBefore(90), until }, neighbours: { cellM: 250, rule: 'knn', distanceM: null, k: 8 }, fdr: true, measure: 'count' }));
await measure('DBSCAN eps 50 m, min 20 (banjir)', (tx) =>
  dbscanClusters(tx, { window: { ...window, categories: ['banjir'] }, epsM: 50, minPoints: 20 }));
await measure('DBSCAN eps 150 m, min 10 (API default)', (tx) =>
  dbscanClusters(tx, { window, epsM: 150, minPoints: 10 }));
for (const cellM of [250, 1000]) {
  await measure(`Emerging ${cellM} m, 12 weeks, distance ${2 * cellM} m`, (tx) =>
    emergingHotspots(tx, { window: { ...window, since: daysBefore(12 * 7), until }, neighbours: { cellM, rule: 'distance', distanceM: 2 * cellM, k: null }, weeks: 12 }));
}
// Tiles are cut from a computed result: time that cut alone, at a zoom showing the whole city
// (every hexagon a candidate) and at a street-level zoom.
{
  const result = await inAnalysisSession(db, (tx) =>
    getisOrd(tx, { window, neighbours: { cellM: 250, rule: 'distance', distanceM: 500, k: null }, fdr: false, measure: 'count' }));
  for (const tile of [...tilesContaining(106.66, -6.24, 10, 10), ...tilesContaining(106.66, -6.24, 14, 14)]) {
    const timings: number[] = [];
    let bytes = 0;
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      bytes = (await renderTile(db, [resultTileLayer('getis_ord', result)], tile)).length;
      timings.push(performance.now() - started);
    }
    console.log(`${`Gi* 250 m tile ${tile.z}/${tile.x}/${tile.y}`.padEnd(34)} cut  ${(timings.sort((a, b) => a - b)[1] / 1000).toFixed(3)} s   ${bytes.toLocaleString('en')} bytes`);
  }
}

// The synthetic pattern is uniform over the cities: cold cells there are the edge effect.
for (const measure of ['count', 'density'] as const) {
  const result = await inAnalysisSession(db, (tx) =>
    getisOrd(tx, { window, neighbours: { cellM: 250, rule: 'distance', distanceM: 500, k: null }, fdr: false, measure }));
  const bins = result.features.map((f) => Number(f.properties.bin));
  console.log(`uniform pattern, 250 m, ${measure.padEnd(7)}: ${bins.length} cells, ${bins.filter((b) => b < 0).length} cold, ${bins.filter((b) => b > 0).length} hot`);
}
await db.close();
