import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startServer, type ServerProcess } from '../../server/test/support/server-process.ts';

export const projectRoot = path.resolve(import.meta.dirname, '../..');

export type BenchServer = ServerProcess;

/** A port nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Resident set size of a process in MB, from the kernel's own count (VmRSS). */
export function rssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

/** CPU time a process has used so far (user + system), in ms, from /proc/<pid>/stat. */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // utime and stime are fields 14 and 15 of stat, counted in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Samples a process's RSS every 100 ms until stopped; returns the peak. */
export function sampleRss(pid: number): { stop(): number } {
  let peak = 0;
  const take = () => { try { peak = Math.max(peak, rssMb(pid)); } catch { /* exited */ } };
  take();
  const timer = setInterval(take, 100);
  return { stop: () => { clearInterval(timer); take(); return peak; } };
}

/**
 * The real server as production runs it, on the bench database. TRUST_PROXY=127.0.0.1 lets
 * the ingest bench give each simulated resident its own address (X-Forwarded-For), as residents
 * behind a load balancer have; SOURCE_BURST_LIMIT keeps its default. `env` adds to or
 * overrides these settings.
 */
export async function startPetawarga(databaseUrl: string, env: Record<string, string> = {}): Promise<BenchServer> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'petawarga-bench-'));
  return startServer({
    DATABASE_URL: databaseUrl,
    DEMO_REPORTS: '0',
    LOG_LEVEL: 'warn',
    TRUST_PROXY: '127.0.0.1',
    DATA_DIR: dataDir,
    ...env,
  }, await freePort(), 60_000);
}
