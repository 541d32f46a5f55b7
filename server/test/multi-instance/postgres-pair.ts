import fs from 'node:fs';
import path from 'node:path';
import { freePort, pgBin, run } from '../support/binaries.ts';
import { createDatabase, startCluster, type PostgresCluster } from '../support/postgres-cluster.ts';

export interface PostgresPair {
  primaryUrl: string;
  replicaUrl: string;
  /** Stops both servers at once (immediate mode: the data is thrown away). */
  stop(): Promise<void>;
}

/**
 * A PostgreSQL 15 primary and a streaming replica of it (pg_basebackup -R) on free loopback
 * ports, with data under `dir` (which must belong to the postgres OS user). `stop` shuts both down.
 */
export async function startPostgresPair(dir: string, database: string): Promise<PostgresPair> {
  const replicaDir = path.join(dir, 'replica');
  let primary: PostgresCluster | undefined;
  let replicaStarted = false;
  const stop = async () => {
    if (replicaStarted) await run(`${pgBin}/pg_ctl`, ['-D', replicaDir, '-m', 'immediate', '-w', 'stop'], true).catch(() => undefined);
    await primary?.stop('immediate').catch(() => undefined);
  };
  try {
    primary = await startCluster(dir, 'primary');
    const primaryUrl = await createDatabase(primary, database);
    const replicaPort = await freePort();

    // -R writes primary_conninfo and standby.signal: the copy starts as a streaming replica.
    // A fast checkpoint: the default spread one waits most of checkpoint_timeout.
    await run(`${pgBin}/pg_basebackup`, ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', replicaDir, '-R', '-X', 'stream', '--checkpoint=fast', '--no-sync'], true);
    fs.appendFileSync(path.join(replicaDir, 'postgresql.conf'), `port = ${replicaPort}\n`);
    await run(`${pgBin}/pg_ctl`, ['-D', replicaDir, '-l', path.join(dir, 'replica.log'), '-w', 'start'], true);
    replicaStarted = true;

    return {
      primaryUrl,
      replicaUrl: `postgres://postgres@127.0.0.1:${replicaPort}/${database}`,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
