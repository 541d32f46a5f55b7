import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { photoFilePattern } from '../../server/src/reports/photos.ts';

const isPhoto = (name: string) => new RegExp(photoFilePattern).test(name);

/** One file of DATA_DIR/photos as the manifest records it. */
export interface PhotoFile {
  name: string;
  bytes: number;
  sha256: string;
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

/** Names of the regular files in `dir`, sorted; none when the folder does not exist. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries.filter((e) => e.isFile()).map((e) => e.name).sort();
}

/** Name, size and SHA-256 of each named file of `dir`, one file at a time (photos are many). */
export async function describeFiles(dir: string, names: string[]): Promise<PhotoFile[]> {
  const described: PhotoFile[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const { size } = await fs.stat(file);
    described.push({ name, bytes: size, sha256: await sha256OfFile(file) });
  }
  return described;
}

/**
 * Copies every photo of `from` into `to` (created) and describes the copies. A `.pending`
 * marker (reports/photos.ts) is left behind: it only says which transaction wrote a file, and
 * the restored database answers that question anew.
 */
export async function copyPhotos(from: string, to: string): Promise<PhotoFile[]> {
  await fs.mkdir(to, { recursive: true });
  const names = (await listFiles(from)).filter(isPhoto);
  for (const name of names) await fs.copyFile(path.join(from, name), path.join(to, name));
  return describeFiles(to, names);
}

/** Files whose size or checksum in `dir` differs from the manifest's, or that are missing. */
export async function differingFiles(dir: string, expected: PhotoFile[]): Promise<string[]> {
  const differing: string[] = [];
  for (const photo of expected) {
    const file = path.join(dir, photo.name);
    const stat = await fs.stat(file).catch(() => undefined);
    if (!stat || stat.size !== photo.bytes || (await sha256OfFile(file)) !== photo.sha256) differing.push(photo.name);
  }
  return differing;
}
