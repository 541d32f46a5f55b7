import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../../server/src/config.ts';
import { createDatabaseIfMissing } from '../../server/src/db/create-database.ts';
import { BackupError } from './backup-error.ts';
import { hasOwnTables } from './database-facts.ts';
import { requireDatabaseUrl } from './embedded-refusal.ts';
import { readManifest, type Manifest } from './manifest.ts';
import { differingFiles, listFiles, sha256OfFile } from './photo-files.ts';
import { pgTool, runPgTool } from './pg-tools.ts';
import { verifyRestore } from './verify.ts';

export interface RestoreOptions {
  /** Replace a database that already has tables, and photos already in DATA_DIR/photos. */
  force: boolean;
}

export interface RestoreResult {
  manifest: Manifest;
  /** Where the photos that were in DATA_DIR/photos before a forced restore were moved. */
  replacedPhotosDir?: string;
}

/**
 * Restores a backup folder into DATABASE_URL and DATA_DIR/photos, then checks the result
 * against the manifest. The archive is checked before anything is touched, and without
 * --force nothing already stored is overwritten.
 */
export async function restoreBackup(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  backupDir: string,
  options: RestoreOptions,
  log: (message: string) => void = () => undefined,
): Promise<RestoreResult> {
  const databaseUrl = requireDatabaseUrl(config, 'npm run db:restore');
  const manifest = await readManifest(backupDir);
  await checkArchive(backupDir, manifest);
  log(`backup of ${manifest.created_at} is intact: ${manifest.photos.files.length} photo files, migration ${manifest.database.migrations.last}`);
  const pgRestore = await pgTool('pg_restore');

  const livePhotos = path.join(config.dataDir, 'photos');
  await prepareTarget(databaseUrl, livePhotos, options);

  // One transaction: a failed restore leaves the database as it was. --clean --if-exists
  // drops each object of the dump before recreating it; --no-owner makes the restoring user
  // the owner, so a backup restores on a server whose roles differ.
  await runPgTool(pgRestore.file,
    ['--clean', '--if-exists', '--no-owner', '--single-transaction', '--exit-on-error', path.join(backupDir, manifest.database.file)],
    databaseUrl);
  log('database restored');

  const replacedPhotosDir = await restorePhotos(path.join(backupDir, manifest.photos.dir), livePhotos, manifest);
  log(`photos restored: ${manifest.photos.files.length} files${replacedPhotosDir ? `; the previous ones were moved to ${replacedPhotosDir}` : ''}`);

  await verifyRestore(databaseUrl, livePhotos, manifest);
  return { manifest, replacedPhotosDir };
}

/** The dump and every photo in the folder match the manifest's checksums. */
async function checkArchive(backupDir: string, manifest: Manifest): Promise<void> {
  const dump = path.join(backupDir, manifest.database.file);
  const dumpSum = await sha256OfFile(dump).catch(() => undefined);
  const damaged = dumpSum === manifest.database.sha256 ? [] : [manifest.database.file];
  damaged.push(...(await differingFiles(path.join(backupDir, manifest.photos.dir), manifest.photos.files))
    .map((name) => path.join(manifest.photos.dir, name)));
  if (damaged.length) {
    throw new BackupError('BACKUP_DAMAGED',
      `${backupDir} does not match its manifest (missing or changed): ${damaged.slice(0, 10).join(', ')}${damaged.length > 10 ? ` and ${damaged.length - 10} more` : ''}`);
  }
}

/** Creates the database when missing; refuses a database or photo folder with content unless forced. */
async function prepareTarget(databaseUrl: string, livePhotos: string, { force }: RestoreOptions): Promise<void> {
  // Photos first: a refusal should leave no trace, not even a new empty database.
  if (!force && (await listFiles(livePhotos)).length > 0) {
    throw new BackupError('PHOTOS_NOT_EMPTY',
      `${livePhotos} already holds photos; add --force to move them aside and restore the backup's`);
  }
  const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
  } catch (error) {
    // 3D000: no such database. Only then is the server's maintenance database needed, which
    // a managed PostgreSQL may not let the app's role reach.
    if ((error as { code?: string }).code !== '3D000') throw error;
    const server = new URL(databaseUrl);
    server.pathname = '/postgres';
    await createDatabaseIfMissing(server.toString(), name);
    return;
  }
  const occupied = await hasOwnTables(client).finally(() => client.end());
  if (occupied && !force) {
    throw new BackupError('DATABASE_NOT_EMPTY',
      `database ${name} already has tables; add --force to replace its contents with the backup's`);
  }
}

/**
 * Copies the backup's photos into a folder beside DATA_DIR/photos, then swaps it in. Photos
 * already there are moved aside, never deleted: a forced restore can still be undone by hand.
 */
async function restorePhotos(fromDir: string, livePhotos: string, manifest: Manifest): Promise<string | undefined> {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, 'Z');
  const staging = `${livePhotos}.restoring-${stamp}`;
  await fs.mkdir(staging, { recursive: true });
  for (const photo of manifest.photos.files) await fs.copyFile(path.join(fromDir, photo.name), path.join(staging, photo.name));
  let replaced: string | undefined;
  if (await fs.stat(livePhotos).then(() => true, () => false)) {
    if ((await listFiles(livePhotos)).length > 0) {
      replaced = `${livePhotos}.before-restore-${stamp}`;
      await fs.rename(livePhotos, replaced);
    } else {
      await fs.rm(livePhotos, { recursive: true });
    }
  }
  await fs.rename(staging, livePhotos);
  return replaced;
}
