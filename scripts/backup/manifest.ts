import fs from 'node:fs/promises';
import path from 'node:path';
import { BackupError } from './backup-error.ts';
import type { PhotoFile } from './photo-files.ts';

export const manifestFormat = 'petawarga-backup/1';

/**
 * manifest.json of a backup folder: what the folder holds and how to check it. It is written
 * last, so a folder without one is an unfinished backup.
 */
export interface Manifest {
  format: typeof manifestFormat;
  created_at: string;
  app: { name: string; version: string };
  database: {
    /** pg_dump custom format (-Fc), in the same folder. */
    file: string;
    bytes: number;
    sha256: string;
    server_version: string;
    pg_dump_version: string;
    migrations: { count: number; last: string | null };
    /** Rows per table when the dump's snapshot was taken. */
    tables: Record<string, number>;
  };
  photos: {
    /** Copy of DATA_DIR/photos, in the same folder. */
    dir: string;
    files: PhotoFile[];
    /** Photo files named by report_photos rows but absent from DATA_DIR/photos when backed up. */
    missing: string[];
  };
}

export const manifestFile = 'manifest.json';

export async function writeManifest(dir: string, manifest: Manifest): Promise<void> {
  await fs.writeFile(path.join(dir, manifestFile), `${JSON.stringify(manifest, null, 2)}\n`);
}

export async function readManifest(dir: string): Promise<Manifest> {
  let text: string;
  try {
    text = await fs.readFile(path.join(dir, manifestFile), 'utf8');
  } catch {
    throw new BackupError('NOT_A_BACKUP', `${dir} has no ${manifestFile}: not a backup folder, or an unfinished one`);
  }
  let manifest: Partial<Manifest>;
  try {
    manifest = JSON.parse(text);
  } catch (error) {
    throw new BackupError('NOT_A_BACKUP', `${path.join(dir, manifestFile)} is not JSON: ${(error as Error).message}`);
  }
  if (manifest.format !== manifestFormat || !manifest.database?.file || !Array.isArray(manifest.photos?.files)) {
    throw new BackupError('NOT_A_BACKUP', `${path.join(dir, manifestFile)} is not a ${manifestFormat} manifest`);
  }
  return manifest as Manifest;
}

export async function appIdentity(): Promise<Manifest['app']> {
  const file = path.resolve(import.meta.dirname, '../../package.json');
  const { name, version } = JSON.parse(await fs.readFile(file, 'utf8')) as { name: string; version: string };
  return { name, version };
}
