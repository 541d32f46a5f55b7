import { execFileSync, spawnSync } from 'node:child_process';

/** wrk is the load generator (Debian package `wrk`); say so plainly when it is not installed. */
export function requireWrk(): void {
  if (spawnSync('wrk', ['--version']).error) {
    throw new Error('wrk is not installed (apt-get install wrk): the cached-tile and memory benches need it');
  }
}

/** Requests per second wrk reaches against one URL, with keep-alive connections. */
export function wrkRequestsPerSecond(url: string, connections: number, seconds: number, headers: Record<string, string> = {}): { rps: number; non2xx: number; output: string } {
  requireWrk();
  const args = ['-t', '2', '-c', String(connections), '-d', `${seconds}s`, '--latency'];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}: ${value}`);
  const output = execFileSync('wrk', [...args, url], { encoding: 'utf8' });
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(output);
  if (!rps) throw new Error(`wrk printed no rate:\n${output}`);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(output)?.[1] ?? 0);
  return { rps: Number(rps[1]), non2xx, output };
}
