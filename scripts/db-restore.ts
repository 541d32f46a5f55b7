// npm run db:restore -- FOLDER [--force]
// Restores a folder written by db:backup into DATABASE_URL and DATA_DIR/photos, then checks
// row counts, migration level and photo checksums against its manifest. Stop the app first.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../server/src/config.ts';
import { runBackupCommand } from './backup/command.ts';
import { restoreBackup } from './backup/restore.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { force: { type: 'boolean', default: false } } });
if (positionals.length !== 1) {
  console.error('usage: npm run db:restore -- BACKUP_FOLDER [--force]');
  process.exit(2);
}

await runBackupCommand(async (log) => {
  const { manifest } = await restoreBackup(readConfig(), path.resolve(positionals[0]), { force: values.force }, log);
  const rows = Object.values(manifest.database.tables).reduce((a, b) => a + b, 0);
  log(`restored and verified: ${rows} rows in ${Object.keys(manifest.database.tables).length} tables, ${manifest.photos.files.length} photo files`);
});
