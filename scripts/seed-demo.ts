// npm run seed:demo -- --count N [--seed S]: adds N synthetic, clearly marked reports to the
// database the configuration names (DATABASE_URL, else the embedded one in DATA_DIR).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, readConfig } from '../server/src/config.ts';
import { openDatabase } from '../server/src/db/connect.ts';
import { seedDemoReports } from '../server/src/demo/seed.ts';
import { prepareDatabase } from '../server/src/prepare-database.ts';

const usage = 'usage: npm run seed:demo -- --count N [--seed S]   (N: 1 to 5,000,000; S: a whole number ≥ 1, default 1)';
const log = (message: string) => console.log(`[petawarga] ${message}`);

function wholeNumber(name: string, value: string | undefined, min: number, max: number, fallback?: number): number {
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    throw new Error(`--${name} is required`);
  }
  const n = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new Error(`--${name} must be a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}, got "${value}"`);
  }
  return n;
}

function readArguments() {
  try {
    const { values } = parseArgs({ options: { count: { type: 'string' }, seed: { type: 'string' } } });
    return {
      count: wholeNumber('count', values.count, 1, 5_000_000),
      seed: wholeNumber('seed', values.seed, 1, 2 ** 31 - 1, 1),
    };
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
}

const { count, seed } = readArguments();
let config;
try {
  config = readConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(2);
}
const db = await openDatabase(config, log);
try {
  await prepareDatabase(db, log);
  log(`seeding ${count.toLocaleString('en')} synthetic reports (seed ${seed}) into the ${db.kind === 'postgres' ? 'PostgreSQL' : 'embedded'} database…`);
  const { inserted, milliseconds } = await seedDemoReports(db, {
    count,
    seed,
    photosDir: path.join(config.dataDir, 'photos'),
    onPhase: (phase, ms) => log(`  ${phase}: ${(ms / 1000).toFixed(1)} s`),
  });
  const seconds = milliseconds / 1000;
  log(`inserted ${inserted.toLocaleString('en')} reports in ${seconds.toFixed(1)} s (${Math.round(inserted / seconds).toLocaleString('en')} reports/s)`);
} finally {
  await db.close();
}
