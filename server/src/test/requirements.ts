import { spawnSync } from 'node:child_process';
import { describe, it } from 'vitest';
import { readConfig } from '../config.ts';

// Some tests need more than `npm install` gives: a PostgreSQL server, a system program. Where
// one is missing they are skipped, never silently: the reason goes into the test's metadata
// and server/src/test/skip-summary.ts prints, at the end of the run, what was skipped and why.

/** Something a test needs from the machine, and how to provide it. */
export interface Requirement {
  met: boolean;
  /** Follows "need": 'PostgreSQL at DATABASE_URL'. */
  need: string;
  /** How to provide it. */
  provide: string;
}

declare module 'vitest' {
  interface TaskMeta {
    /** Requirements this machine lacks, each with why the test needs it. */
    missing?: { need: string; provide: string; why: string }[];
  }
}

export const postgres: Requirement = {
  met: Boolean(readConfig().databaseUrl),
  need: 'PostgreSQL at DATABASE_URL',
  provide: 'a PostgreSQL 15 with PostGIS 3 (apt-get install -y postgresql-15-postgis-3), then DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm test',
};

export const gammuSmsd: Requirement = {
  met: spawnSync('gammu-smsd', ['--version']).status === 0,
  need: 'gammu-smsd',
  provide: 'apt-get install -y gammu-smsd',
};

export const osmium: Requirement = {
  met: spawnSync('osmium', ['--version']).status === 0,
  need: 'osmium',
  provide: 'apt-get install -y osmium-tool',
};

export const gdal: Requirement = {
  met: spawnSync('ogrinfo', ['--version']).status === 0 && spawnSync('ogr2ogr', ['--version']).status === 0,
  need: 'GDAL (ogrinfo and ogr2ogr)',
  provide: 'apt-get install -y gdal-bin',
};

/** Requirements, each with why the test needs it. */
export type Needs = [Requirement, string][];

function missing(needs: Needs) {
  return needs.filter(([r]) => !r.met).map(([r, why]) => ({ need: r.need, provide: r.provide, why }));
}

/**
 * A describe() that runs only where every requirement is met, each paired with why this suite
 * needs it; elsewhere it is skipped and the run's summary names what was missing.
 */
export function describeNeeding(needs: Needs, name: string, fn: () => void): void {
  const lacking = missing(needs);
  describe.skipIf(lacking.length > 0)(name, { meta: { missing: lacking } }, fn);
}

/** it() with requirements, as describeNeeding. */
export function itNeeding(needs: Needs, name: string, fn: () => Promise<void>, timeoutMs?: number): void {
  const lacking = missing(needs);
  it.skipIf(lacking.length > 0)(name, { meta: { missing: lacking }, timeout: timeoutMs }, fn);
}
