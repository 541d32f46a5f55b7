import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '../..');

export interface BenchServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

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

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts `node --import tsx <script>` itself (not the tsx wrapper, which would be a second
 * process), so `pid` is the process that serves and its RSS is the server's. Resolves once
 * `readyPath` answers.
 */
export async function startProcess(script: string, env: Record<string, string>, readyPath: string, port: number): Promise<BenchServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout!.on('data', (chunk) => (printed += chunk));
  child.stderr!.on('data', (chunk) => (printed += chunk));
  const server: BenchServer = {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited(child);
      clearTimeout(killer);
    },
  };
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited:\n${printed}`);
    if (await fetch(`${server.url}${readyPath}`).then((r) => r.ok, () => false)) return server;
    if (Date.now() > until) {
      await server.stop();
      throw new Error(`${script} not ready in 60 s:\n${printed}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The real server as production runs it, on the bench database. TRUST_PROXY=127.0.0.1 lets
 * the ingest bench give each simulated resident its own address (X-Forwarded-For), as residents
 * behind a load balancer have; SOURCE_BURST_LIMIT keeps its default.
 */
export async function startPetawarga(databaseUrl: string): Promise<BenchServer> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'petawarga-bench-'));
  return startProcess('server/src/main.ts', {
    DATABASE_URL: databaseUrl,
    DEMO_REPORTS: '0',
    LOG_LEVEL: 'warn',
    TRUST_PROXY: '127.0.0.1',
    DATA_DIR: dataDir,
  }, '/health', await freePort());
}
