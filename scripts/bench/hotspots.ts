// Benchmark (not a test): Gi* at each cell size and DBSCAN over 1,000,000 synthetic reports in
// a scratch database, through the analytics code and as the same SQL run directly in psql.
//   DATABASE_URL=postgres://… npx tsx scripts/bench/hotspots.ts [reports]
import { execFileSync } from 'node:child_process';
import type { Sql } from 'sql-template-tag';
import { dbscanClusters } from '../../server/src/analytics/dbscan.ts';
import { getisOrd } from '../../server/src/analytics/getis-ord.ts';
import { resultTileLayer } from '../../server/src/analytics/layer-tiles.ts';
import { renderTile, tilesContaining } from '../../tiles/src/index.ts';
import { cellSizes, type ReportWindow } from '../../server/src/analytics/parameters.ts';
import { inAnalysisSession } from '../../server/src/analytics/session.ts';
import type { Queryable } from '../../server/src/db/database.ts';
import { publicStatuses } from '../../server/src/reports/filters.ts';
import { scratchDatabase } from './scratch-database.ts';
import { exitOnSetupError } from './server-database.ts';
import { loadSyntheticReports } from './synthetic-reports.ts';

const count = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 1_000_000);
// Uniform synthetic reports (synthetic-reports.ts), not the demo seed: a known pattern to test.
const { db, url } = await scratchDatabase('petawarga_bench_hotspots', count,
  (scratch, n) => loadSyntheticReports(scratch, n, 42), (m) => console.log(`[bench] ${m}`)).catch(exitOnSetupError);
const window: ReportWindow = { categories: null, cities: ['36.71', '36.74'], statuses: [...publicStatuses], since: null, until: null };

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
  console.log(`${label.padEnd(34)} code ${(code / 1000).toFixed(2)} s   psql ${(psql / 1000).toFixed(2)} s   ratio ${(code / psql).toFixed(2)}`);
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
await measure('DBSCAN eps 50 m, min 20 (banjir)', (tx) =>
  dbscanClusters(tx, { window: { ...window, categories: ['banjir'] }, epsM: 50, minPoints: 20 }));
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
