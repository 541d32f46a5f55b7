// npm run db:backup -- [--out FOLDER]
// Writes one folder: database.dump (pg_dump -Fc of DATABASE_URL), photos/ (a copy of
// DATA_DIR/photos) and manifest.json (row counts, checksums, app version, migration level).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../server/src/config.ts';
import { createBackup } from './backup/backup.ts';
import { runBackupCommand } from './backup/command.ts';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, 'Z');
const outDir = path.resolve(values.out ?? path.join('backups', `petawarga-${stamp}`));

await runBackupCommand(async (log) => {
  const manifest = await createBackup(readConfig(), outDir, log);
  log(`backup written to ${outDir} (database ${manifest.database.bytes} bytes, ${manifest.photos.files.length} photo files)`);
});
