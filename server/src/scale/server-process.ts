import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const projectRoot = path.resolve(import.meta.dirname, '../../..');

export interface ServerProcess {
  url: string;
  /** What the process printed, for a failure message. */
  output(): string;
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

/** `tsx server/src/main.ts` with this environment, resolved once /health answers. */
export async function startServer(env: Record<string, string>, port: number, timeoutMs = 40_000): Promise<ServerProcess> {
  const child = spawn(path.join(projectRoot, 'node_modules/.bin/tsx'), ['server/src/main.ts'], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout!.on('data', (chunk) => (printed += chunk));
  child.stderr!.on('data', (chunk) => (printed += chunk));
  const server: ServerProcess = {
    url: `http://127.0.0.1:${port}`,
    output: () => printed,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited(child);
      clearTimeout(killer);
    },
  };
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server on port ${port} exited:\n${printed}`);
    const ok = await fetch(`${server.url}/health`).then((r) => r.ok, () => false);
    if (ok) return server;
    if (Date.now() > until) {
      await server.stop();
      throw new Error(`server on port ${port} not ready in ${timeoutMs} ms:\n${printed}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
