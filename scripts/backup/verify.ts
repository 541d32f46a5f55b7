import pg from 'pg';
import { BackupError } from './backup-error.ts';
import { databaseFacts } from './database-facts.ts';
import type { Manifest } from './manifest.ts';
import { differingFiles } from './photo-files.ts';

/**
 * After a restore: every table holds as many rows as when the backup was taken, the migration
 * level is the backup's, and every photo file has its recorded checksum.
 */
export async function verifyRestore(databaseUrl: string, livePhotos: string, manifest: Manifest): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const facts = await databaseFacts(client).finally(() => client.end());
  const problems: string[] = [];
  const names = new Set([...Object.keys(manifest.database.tables), ...Object.keys(facts.tables)]);
  for (const name of [...names].sort()) {
    const expected = manifest.database.tables[name];
    const found = facts.tables[name];
    if (expected !== found) problems.push(`${name}: ${found ?? 'absent'} rows, backup had ${expected ?? 'no such table'}`);
  }
  if (facts.migrations.last !== manifest.database.migrations.last || facts.migrations.count !== manifest.database.migrations.count) {
    problems.push(`migrations: ${facts.migrations.count} up to ${facts.migrations.last}, backup had ${manifest.database.migrations.count} up to ${manifest.database.migrations.last}`);
  }
  const photos = await differingFiles(livePhotos, manifest.photos.files);
  if (photos.length) problems.push(`photos differing from the backup: ${photos.slice(0, 10).join(', ')}${photos.length > 10 ? ` and ${photos.length - 10} more` : ''}`);
  if (problems.length) {
    throw new BackupError('RESTORE_MISMATCH', `the restored data does not match the backup's manifest:\n  ${problems.join('\n  ')}`);
  }
}
