import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { freePort, pgBin, run } from './binaries.ts';

export interface PostgresPair {
  primaryUrl: string;
  replicaUrl: string;
  /** Stops both servers at once (immediate mode: the data is thrown away). */
  stop(): Promise<void>;
}

// Throw-away clusters: durability does not matter, start-up time does.
const settings = (port: number, socketDir: string) => `
listen_addresses = '127.0.0.1'
port = ${port}
unix_socket_directories = '${socketDir}'
fsync = off
full_page_writes = off
shared_buffers = 32MB
max_connections = 60
wal_level = replica
max_wal_senders = 4
hot_standby = on
`;

/**
 * A PostgreSQL 15 primary and a streaming replica of it (pg_basebackup -R) on free loopback
 * ports, with data under `dir` (which must belong to the postgres OS user). `stop` shuts both down.
 */
export async function startPostgresPair(dir: string, database: string): Promise<PostgresPair> {
  const primaryDir = path.join(dir, 'primary');
  const replicaDir = path.join(dir, 'replica');
  const started: string[] = [];
  const stop = async () => {
    for (const dataDir of started.reverse()) {
      await run(`${pgBin}/pg_ctl`, ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], true).catch(() => undefined);
    }
  };
  try {
    const [primaryPort, replicaPort] = [await freePort(), await freePort()];
    await run(`${pgBin}/initdb`, ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions'], true);
    fs.appendFileSync(path.join(primaryDir, 'postgresql.conf'), settings(primaryPort, dir));
    await run(`${pgBin}/pg_ctl`, ['-D', primaryDir, '-l', path.join(dir, 'primary.log'), '-w', 'start'], true);
    started.push(primaryDir);

    const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${primaryPort}/postgres` });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();

    // -R writes primary_conninfo and standby.signal: the copy starts as a streaming replica.
    // A fast checkpoint: the default spread one waits most of checkpoint_timeout.
    await run(`${pgBin}/pg_basebackup`, ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', replicaDir, '-R', '-X', 'stream', '--checkpoint=fast', '--no-sync'], true);
    fs.appendFileSync(path.join(replicaDir, 'postgresql.conf'), `port = ${replicaPort}\n`);
    await run(`${pgBin}/pg_ctl`, ['-D', replicaDir, '-l', path.join(dir, 'replica.log'), '-w', 'start'], true);
    started.push(replicaDir);

    return {
      primaryUrl: `postgres://postgres@127.0.0.1:${primaryPort}/${database}`,
      replicaUrl: `postgres://postgres@127.0.0.1:${replicaPort}/${database}`,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
