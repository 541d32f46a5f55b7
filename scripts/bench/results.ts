import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type Database } from '../../server/src/db/database.ts';
import { projectRoot } from './server.ts';

const resultsDir = path.join(projectRoot, 'bench/results');

/** The machine and how busy it was: figures on a shared 2-core box mean little without it. */
export async function machine(db: Database) {
  const [{ version }] = await db.query<{ version: string }>(sql`SELECT version()`);
  const [{ postgis }] = await db.query<{ postgis: string }>(sql`SELECT postgis_lib_version() AS postgis`);
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    ram_gb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    postgres: version.split(' on ')[0],
    postgis,
    node: process.version,
  };
}

export const load = () => {
  const [one, five, fifteen] = os.loadavg().map((l) => Math.round(l * 100) / 100);
  return { load_1m: one, load_5m: five, load_15m: fifteen, uptime_s: Math.round(os.uptime()) };
};

/**
 * Writes this run to bench/results/<ISO time>.json and latest.json. A run of some areas only
 * keeps the other areas' figures from latest.json when they were taken at the same report count,
 * so latest.json always describes one database size.
 */
export function writeResults(run: Record<string, unknown>): string {
  mkdirSync(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(resultsDir, `${stamp}.json`);
  writeFileSync(file, `${JSON.stringify(run, null, 2)}\n`);
  const latestFile = path.join(resultsDir, 'latest.json');
  const previous = existsSync(latestFile) ? JSON.parse(readFileSync(latestFile, 'utf8')) : {};
  const latest = mergeIntoLatest(previous, run);
  writeFileSync(latestFile, `${JSON.stringify(latest, null, 2)}\n`);
  return file;
}

function withoutAreas(failed: Record<string, string> | undefined, rerun: string[], failedNow: unknown): Record<string, string> | undefined {
  const kept = Object.fromEntries(Object.entries(failed ?? {}).filter(([area]) => !rerun.includes(area)));
  const all = { ...kept, ...(failedNow as Record<string, string> | undefined) };
  return Object.keys(all).length ? all : undefined;
}

/** latest.json after `run`: runs of some areas at the same report count each add theirs. */
interface Latest { reports?: unknown; areas?: string[]; load?: object; failed_areas?: Record<string, string>; [figure: string]: unknown }

export function mergeIntoLatest(previous: Latest, run: Record<string, unknown>): Record<string, unknown> {
  if (previous.reports !== run.reports) return run;
  return {
    ...previous, ...run,
    // The list of areas and the load as each started are merged too.
    areas: [...new Set([...(previous.areas ?? []), ...(run.areas as string[])])],
    load: { ...previous.load, ...(run.load as object) },
    // An area run again drops its earlier failure; one that failed again says so anew.
    failed_areas: withoutAreas(previous.failed_areas, run.areas as string[], run.failed_areas),
  };
}
