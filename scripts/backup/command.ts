import { BackupError } from './backup-error.ts';

/**
 * Runs db:backup or db:restore: progress on stdout; a refusal (BackupError) printed with its
 * code on stderr and exit status 1.
 */
export async function runBackupCommand(task: (log: (message: string) => void) => Promise<void>): Promise<void> {
  try {
    await task((message) => console.log(`[petawarga] ${message}`));
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    console.error(`${error.code}: ${error.message}`);
    process.exitCode = 1;
  }
}
