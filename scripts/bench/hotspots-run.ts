// Runs scripts/bench/hotspots.ts as its own process (its own scratch database, loaded when its
// count differs from --reports) and takes its `[row] {…}` lines into the bench's table; its
// other lines, as printed, go into the results.
import { spawnSync } from 'node:child_process';
import { projectRoot } from './server.ts';
import { rows, type Row } from './table.ts';

const rowPrefix = '[row] ';

/** The printed lines of the hotspots bench; `ok` is false when it failed. */
export function runHotspots(reports: number): { lines: string[]; ok: boolean } {
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench/hotspots.ts', String(reports)], {
    cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8',
  });
  const lines = child.stdout.split('\n');
  for (const line of lines) if (line.startsWith(rowPrefix)) rows.push(JSON.parse(line.slice(rowPrefix.length)) as Row);
  const printed = lines.filter((line) => line && !line.startsWith(rowPrefix));
  process.stdout.write(printed.map((line) => `${line}\n`).join(''));
  return { lines: printed.filter((line) => !line.startsWith('[bench]')), ok: child.status === 0 };
}
