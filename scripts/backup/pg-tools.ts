import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { BackupError } from './backup-error.ts';

const run = promisify(execFile);

// The server is PostgreSQL 15 (Debian 12's postgresql-15-postgis-3). pg_dump refuses a newer
// server than itself, and a dump in a newer custom format cannot be read by an older
// pg_restore, so both ends use the same major version's binaries, never whatever is on PATH.
export const postgresBinDir = '/usr/lib/postgresql/15/bin';
const requiredMajor = 15;

/** A PostgreSQL 15 client program and its version line, or a refusal saying which package provides it. */
export async function pgTool(name: 'pg_dump' | 'pg_restore'): Promise<{ file: string; version: string }> {
  const file = path.join(postgresBinDir, name);
  if (!fs.existsSync(file)) {
    throw new BackupError('PG_TOOLS_MISSING',
      `${file} is missing: install the PostgreSQL ${requiredMajor} client (apt-get install -y postgresql-client-${requiredMajor})`);
  }
  const { stdout } = await run(file, ['--version']);
  const major = Number(/\s(\d+)(\.\d+)?/.exec(stdout)?.[1]);
  if (major !== requiredMajor) {
    throw new BackupError('PG_TOOLS_MISSING', `${file} is version ${stdout.trim()}, not ${requiredMajor}`);
  }
  return { file, version: stdout.trim() };
}

/**
 * A connection for a child program: the URL without its password, which goes in PGPASSWORD
 * instead, so it never shows in the process list.
 */
export function childConnection(databaseUrl: string): { url: string; env: Record<string, string> } {
  const u = new URL(databaseUrl);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), env: password ? { PGPASSWORD: password } : {} };
}

/** Runs a PostgreSQL client program; its stderr becomes the refusal's message when it fails. */
export async function runPgTool(file: string, args: string[], databaseUrl: string): Promise<void> {
  const { url, env } = childConnection(databaseUrl);
  try {
    await run(file, [...args, `--dbname=${url}`], { env, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    throw new BackupError('PG_TOOL_FAILED', `${path.basename(file)} failed: ${stderr || (error as Error).message}`);
  }
}
