// The demo seed (`npm run seed:demo`, server/src/demo/seed.ts) of --reports reports into an empty
// scratch database, dropped afterwards, beside a plain COPY of the same report rows into a bare
// table (no index, trigger, default or constraint but NOT NULL): the floor for writing those
// bytes on this machine. Issue 15's limit is 120 s at 1,000,000 reports, scaled linearly here.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { readConfig } from '../../server/src/config.ts';
import { sql } from '../../server/src/db/database.ts';
import { connectPostgres } from '../../server/src/db/postgres.ts';
import { seedDemoReports } from '../../server/src/demo/seed.ts';
import { prepareDatabase } from '../../server/src/prepare-database.ts';
import { withDatabase } from '../../server/src/test/database.ts';
import type { BenchArea } from './context.ts';
import { createScratchDatabase } from './server-database.ts';
import { round } from './stats.ts';
import { rows } from './table.ts';

const limitSecondsPerMillion = 120;

/** Runs psql with one statement, stdin and stdout as given; returns the wall time in s. */
function psql(url: string, statement: string, stdio: { stdin: number | 'ignore'; stdout: number | 'ignore' }): number {
  const started = performance.now();
  const run = spawnSync('psql', [url, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', statement], { stdio: [stdio.stdin, stdio.stdout, 'pipe'] });
  if (run.status !== 0) throw new Error(`psql ${statement}: ${run.stderr}`);
  return (performance.now() - started) / 1000;
}

export const seedBench: BenchArea = async (context) => {
  const { databaseUrl } = readConfig();
  const name = `petawarga_bench_seed_r${context.reports}`;
  const url = withDatabase(databaseUrl!, name);
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'petawarga-bench-seed-'));
  await createScratchDatabase(databaseUrl!, name);
  const db = await connectPostgres(url, 2);
  try {
    await prepareDatabase(db, () => undefined);
    const phases: Record<string, number> = {};
    const { inserted, milliseconds } = await seedDemoReports(db, {
      count: context.reports, seed: 1, photosDir: path.join(workDir, 'photos'),
      onPhase: (phase, ms) => { phases[phase] = ms; context.log(`seed ${phase}: ${round(ms / 1000, 2)} s`); },
    });
    if (inserted !== context.reports) throw new Error(`the demo seed inserted ${inserted} reports, not ${context.reports}`);
    const seedSeconds = milliseconds / 1000;

    // SELECT *, not the table: COPY of a table leaves out its generated columns.
    const rowsFile = path.join(workDir, 'reports.copy');
    const out = fs.openSync(rowsFile, 'w');
    try { psql(url, 'COPY (SELECT * FROM reports) TO STDOUT', { stdin: 'ignore', stdout: out }); } finally { fs.closeSync(out); }
    await db.exec('CREATE TABLE copy_reference (LIKE reports)');
    const input = fs.openSync(rowsFile, 'r');
    let copySeconds: number;
    try { copySeconds = psql(url, 'COPY copy_reference FROM STDIN', { stdin: input, stdout: 'ignore' }); } finally { fs.closeSync(input); }
    const [{ copied }] = await db.query<{ copied: number }>(sql`SELECT count(*)::int AS copied FROM copy_reference`);
    if (copied !== inserted) throw new Error(`COPY loaded ${copied} rows, not ${inserted}`);
    const bytes = fs.statSync(rowsFile).size;

    context.log(`seed of ${inserted} reports: ${round(seedSeconds, 2)} s; COPY of the same rows (${(bytes / 1e6).toFixed(1)} MB): ${round(copySeconds, 2)} s`);
    const limit = round((limitSecondsPerMillion * context.reports) / 1_000_000, 2);
    rows.push({
      area: 'demo seed',
      figure: `${inserted.toLocaleString('en')} reports, seedDemoReports (limit ${limitSecondsPerMillion} s at 1,000,000, scaled linearly)`,
      value: round(seedSeconds, 2), unit: 's',
      limit: { value: limit, kind: 'below', unit: 's' },
      reference: { label: 'COPY into a bare table', value: round(copySeconds, 2) },
    });
    context.results.seed = {
      reports: inserted, seconds: round(seedSeconds, 2), limit_s: limit, phases_ms: phases,
      copy_reference: { seconds: round(copySeconds, 2), bytes },
    };
  } finally {
    await db.close();
    await rm(workDir, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    try { await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); } finally { await admin.end(); }
  }
};
