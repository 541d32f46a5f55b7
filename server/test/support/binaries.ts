import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { promisify } from 'node:util';

export const pgBin = '/usr/lib/postgresql/15/bin';

/** Fails with the Debian package to install when a program the multi-instance test runs is missing. */
export function requirePrograms(programs: Record<string, string>): void {
  const missing = Object.entries(programs).filter(([file]) => !fs.existsSync(file));
  if (missing.length > 0) {
    throw new Error(`Missing ${missing.map(([file, pkg]) => `${file} (apt-get install ${pkg})`).join(', ')}`);
  }
}

/** Runs a program, as the postgres OS user when `asPostgres` (initdb and pg_ctl refuse root). */
export async function run(file: string, args: string[], asPostgres = false): Promise<string> {
  const [command, argv] = asPostgres ? ['/usr/sbin/runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  try {
    const { stdout } = await promisify(execFile)(command, argv, { timeout: 60_000 });
    return stdout;
  } catch (error) {
    const { stderr, message } = error as { stderr?: string; message: string };
    throw new Error(`${file} ${args.join(' ')} failed: ${stderr || message}`, { cause: error });
  }
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
