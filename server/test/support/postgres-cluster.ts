import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { freePort, pgBin, run } from './binaries.ts';

// Throw-away clusters: durability does not matter, start-up time does. Replication settings
// let a cluster serve as a primary for pg_basebackup.
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

/** How pg_ctl stops a server: `fast` ends sessions cleanly, `immediate` as a crash would. */
export type StopMode = 'fast' | 'immediate';

export interface PostgresCluster {
  port: number;
  dataDir: string;
  /** postgres://… of a database on this cluster. */
  url(database: string): string;
  start(): Promise<void>;
  stop(mode: StopMode): Promise<void>;
}

/**
 * A PostgreSQL 15 cluster made by initdb in `dataDir` (under `dir`, which must belong to the
 * postgres OS user), on a free loopback port, started; its log is `<dataDir>.log`. initdb and
 * pg_ctl run as the postgres OS user, since they refuse root.
 */
export async function startCluster(dir: string, name: string): Promise<PostgresCluster> {
  const dataDir = path.join(dir, name);
  const port = await freePort();
  await run(`${pgBin}/initdb`, ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync', '--no-instructions'], true);
  fs.appendFileSync(path.join(dataDir, 'postgresql.conf'), settings(port, dir));
  const cluster: PostgresCluster = {
    port,
    dataDir,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start: async () => void (await run(`${pgBin}/pg_ctl`, ['-D', dataDir, '-l', `${dataDir}.log`, '-w', 'start'], true)),
    stop: async (mode) => void (await run(`${pgBin}/pg_ctl`, ['-D', dataDir, '-m', mode, '-w', 'stop'], true)),
  };
  await cluster.start();
  return cluster;
}

export async function createDatabase(cluster: PostgresCluster, database: string): Promise<string> {
  const admin = new pg.Client({ connectionString: cluster.url('postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  return cluster.url(database);
}

/** The programs a test that builds its own cluster runs, with the Debian package of each. */
export const clusterPrograms = {
  [`${pgBin}/initdb`]: 'postgresql-15',
  [`${pgBin}/pg_ctl`]: 'postgresql-15',
  '/usr/share/postgresql/15/extension/postgis.control': 'postgresql-15-postgis-3',
  '/usr/sbin/runuser': 'util-linux',
};

/** For describeNeeding: what a test that builds its own cluster needs from the machine. */
export const ownCluster = {
  met: Object.keys(clusterPrograms).every((file) => fs.existsSync(file)) && process.getuid?.() === 0,
  need: 'the PostgreSQL 15 and PostGIS 3 programs, and root',
  provide: 'apt-get install -y postgresql-15-postgis-3, and run the tests as root (initdb and pg_ctl then run as the postgres OS user)',
};
