// npm run test:resilience: 100 residents submit reports with photos for 60 s while PostgreSQL
// is restarted twice (fast, then immediate) and the server is killed with SIGKILL once; then
// every acknowledged report must be stored exactly once, with its events and photo files, and
// no client may have seen a 5xx other than 503. Prints the figures; exits 1 on any failure.
// RESILIENCE_CLIENTS and RESILIENCE_SECONDS change the load; RESILIENCE_KEEP=1 keeps the folder.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, requirePrograms } from '../support/binaries.ts';
import { clusterPrograms, createDatabase, startCluster, type PostgresCluster } from '../support/postgres-cluster.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';
import { checkStored, photosDirOf } from './checks.ts';
import { runClients } from './clients.ts';
import { injectFaults, type FaultLog } from './faults.ts';

const clients = Number(process.env.RESILIENCE_CLIENTS ?? 100);
const seconds = Number(process.env.RESILIENCE_SECONDS ?? 60);

async function main(): Promise<boolean> {
  requirePrograms(clusterPrograms);
  if (process.getuid?.() !== 0) throw new Error('run as root: initdb and pg_ctl run as the postgres OS user through runuser');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'petawarga-resilience-'));
  execFileSync('chown', ['postgres:postgres', dir]);
  let cluster: PostgresCluster | undefined;
  const servers: ServerProcess[] = [];
  try {
    cluster = await startCluster(dir, 'pg');
    const databaseUrl = await createDatabase(cluster, 'petawarga');
    const dataDir = path.join(dir, 'data');
    const port = await freePort();
    // Every client writes from 127.0.0.1 with no device id: under the deployed limits (20 writes a
    // device, 600 an address, per 10 minutes) the abuse guard, not a fault, would answer them.
    // The limits themselves are proven in rate-limit/public-writes.test.ts.
    const unlimited = { SOURCE_BURST_LIMIT: '100000', ADDRESS_BURST_LIMIT: '1000000', DEVICE_WRITE_LIMIT: '1000000', ADDRESS_WRITE_LIMIT: '1000000' };
    const env = { DATABASE_URL: databaseUrl, DEMO_REPORTS: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...unlimited };
    const start = () => startServer(env, port, 120_000).then((s) => (servers.push(s), s));
    await start();
    console.log(`server up on ${servers[0].url}; ${clients} clients for ${seconds} s`);

    const began = Date.now();
    const until = began + seconds * 1000;
    const faults: FaultLog = { injected: [], serverDiedByItself: [] };
    const [figures] = await Promise.all([
      runClients(servers[0].url, clients, until, 60_000),
      injectFaults({ cluster, servers, restartServer: start, began, seconds, log: faults }),
    ]);

    const last = servers[servers.length - 1];
    const drained = Date.now();
    await last.stop();
    const drainMs = Date.now() - drained;
    const stored = await checkStored(databaseUrl, photosDirOf(dataDir), figures.acknowledged);
    const output = servers.map((s) => s.output()).join('\n');
    const lastResort = output.split('\n[').filter((line) => line.includes('not handled where it happened'));

    const failures: string[] = [];
    const fail = (ok: boolean, what: string) => void (ok || failures.push(what));
    fail(faults.serverDiedByItself.length === 0, `the server ended by itself: ${faults.serverDiedByItself.join('; ')}`);
    fail(stored.acknowledgedMissing.length === 0, `acknowledged reports not stored exactly once: ${stored.acknowledgedMissing.slice(0, 5).join(', ')}`);
    fail(stored.duplicateKeys.length === 0, `keys with more than one report: ${stored.duplicateKeys.slice(0, 5).join(', ')}`);
    fail(stored.withoutEvents.length === 0, `reports without their submitted event: ${stored.withoutEvents.slice(0, 5).join(', ')}`);
    fail(stored.rowsWithoutFile.length === 0, `photo rows without their files: ${stored.rowsWithoutFile.slice(0, 5).join(', ')}`);
    fail(stored.filesWithoutRow.length === 0, `photo files without their row: ${stored.filesWithoutRow.slice(0, 5).join(', ')}`);
    fail(figures.other5xx.length === 0, `5xx other than 503: ${JSON.stringify(figures.other5xx.slice(0, 3))}`);
    fail(figures.refused.length === 0, `refused valid reports: ${JSON.stringify(figures.refused.slice(0, 3))}`);
    fail(figures.unacknowledged.size === 0, `${figures.unacknowledged.size} reports never acknowledged within the grace period`);
    fail(faults.injected.length === 3, `faults injected: ${faults.injected.length} of 3`);
    fail(last.ended() === 'code 0', `SIGTERM ended the last server with ${last.ended()}, not code 0`);

    const line = (label: string, value: unknown) => console.log(`  ${label.padEnd(44)} ${value}`);
    console.log('\nresilience figures');
    line('clients, seconds', `${clients}, ${seconds}`);
    line('requests sent', figures.requests);
    line('faults injected', faults.injected.map((f) => f.name).join(', '));
    for (const f of faults.injected) line(`  ${f.name}: serving again after`, f.recoveredMs === undefined ? 'never' : `${f.recoveredMs} ms`);
    line('reports acknowledged', figures.acknowledged.size);
    line('acknowledged reports found exactly once', stored.acknowledgedFound);
    line('reports stored by the clients', stored.stored);
    line('stored but never acknowledged', stored.storedUnacknowledged);
    line('keys with duplicate reports', stored.duplicateKeys.length);
    line('reports without events', stored.withoutEvents.length);
    line('photo rows / files', `${stored.photoRows} / ${stored.photoFiles}`);
    line('rows without file / files without row', `${stored.rowsWithoutFile.length} / ${stored.filesWithoutRow.length}`);
    line('pending photo markers left', stored.pendingMarkers);
    line('503 seen', figures.status503);
    line('other 5xx seen', figures.other5xx.length);
    line('requests without an answer (server down)', figures.networkErrors);
    line('losses caught only by the last resort', lastResort.length);
    line('SIGTERM drain of the last server', `${drainMs} ms, ${last.ended()}`);
    for (const l of lastResort) console.log(`    ${l}`);
    if (failures.length > 0) {
      console.log(`\nFAILED:\n- ${failures.join('\n- ')}`);
      console.log(`\nlast lines the servers printed:\n${output.split('\n').slice(-40).join('\n')}`);
      return false;
    }
    console.log('\nall resilience checks passed');
    return true;
  } finally {
    for (const s of servers) await s.stop();
    await cluster?.stop('immediate').catch(() => undefined);
    if (process.env.RESILIENCE_KEEP) console.log(`kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then((ok) => process.exit(ok ? 0 : 1), (error) => {
  console.error(error);
  process.exit(1);
});
