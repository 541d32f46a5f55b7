import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { eventually } from '../../src/test/eventually.ts';

const projectRoot = path.resolve(import.meta.dirname, '../../..');

export interface ServerProcess {
  url: string;
  /** The process that serves (node itself, not a wrapper), for its RSS and CPU time. */
  pid: number;
  /** What the process printed, for a failure message. */
  output(): string;
  /** How it ended (`code 0`, `signal SIGKILL`), or undefined while it runs. */
  ended(): string | undefined;
  /** SIGTERM, then SIGKILL after 5 s; resolves once the process has exited. */
  stop(): Promise<void>;
  /** SIGKILL at once, as a crash or the OOM killer would; resolves once it has exited. */
  kill(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Runs `node --import tsx <script>` (a path from the project root) with this environment, and
 * resolves once `readyPath` answers on the port. Node is started directly, not through the tsx
 * wrapper, so that `pid` is the serving process. `onOutput` sees what it prints before it is ready.
 */
export async function startNodeProcess(
  script: string, env: Record<string, string>, readyPath: string, port: number, timeoutMs = 60_000,
  onOutput: (text: string) => void = () => undefined,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const print = (chunk: Buffer) => {
    printed += chunk;
    onOutput(String(chunk));
  };
  child.stdout!.on('data', print);
  child.stderr!.on('data', print);
  const server: ServerProcess = {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    output: () => printed,
    ended: () => child.exitCode !== null ? `code ${child.exitCode}` : child.signalCode !== null ? `signal ${child.signalCode}` : undefined,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited(child);
      clearTimeout(killer);
    },
  };
  try {
    await eventually(async () => {
      if (child.exitCode !== null) throw new Error(`${script} on port ${port} exited:\n${printed}`);
      return fetch(`${server.url}${readyPath}`).then((r) => r.ok, () => false);
    }, { what: () => `${script} on port ${port} to answer ${readyPath}:\n${printed}`, timeoutMs, intervalMs: 200 });
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

/** The PetaWarga server with this environment, resolved once /health answers. */
export function startServer(
  env: Record<string, string>, port: number, timeoutMs = 40_000, onOutput?: (text: string) => void,
): Promise<ServerProcess> {
  return startNodeProcess('server/src/main.ts', env, '/health', port, timeoutMs, onOutput);
}
