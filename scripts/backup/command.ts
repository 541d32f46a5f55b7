import { BackupError } from './backup-error.ts';

/**
 * Runs db:backup or db:restore: progress on stdout; a refusal (BackupError), or a database
 * that cannot be reached or refuses the login, printed with its code on stderr and exit
 * status 1. Anything else is a defect and keeps its stack trace.
 */
export async function runBackupCommand(task: (log: (message: string) => void) => Promise<void>): Promise<void> {
  try {
    await task((message) => console.log(`[petawarga] ${message}`));
  } catch (error) {
    const code = error instanceof BackupError ? error.code : connectionProblem(error);
    if (!code) throw error;
    console.error(`${code}: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}

// Network errors (ECONNREFUSED, ENOTFOUND, …) and the SQLSTATEs of a refused connection:
// 28xxx bad login, 3D000 no such database, 57P03 server starting up.
function connectionProblem(error: unknown): string | undefined {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string') return undefined;
  if (/^E[A-Z]+$/.test(code) || /^28/.test(code) || code === '3D000' || code === '57P03') return `DATABASE_UNREACHABLE (${code})`;
  return undefined;
}
