import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Database } from '../db/database.ts';
import { parseReportFilter } from '../reports/filters.ts';
import { exportStream } from './encode.ts';
import { exportFormats, exportRows, type ExportFormat } from './rows.ts';

/** Daily snapshots live in DATA_DIR/exports (a shared volume when several instances run). */
export const snapshotDir = (dataDir: string) => path.join(dataDir, 'exports');
export const snapshotFile = /^reports-(\d{4}-\d{2}-\d{2})\.(csv|geojson|ndjson)$/;
/** Days of snapshots kept: a week to compare against, without filling the disk. */
export const keptDays = 7;

export interface SnapshotFile {
  file: string;
  format: ExportFormat;
  date: string;
  bytes: number;
  sha256: string;
}

/** Today in Jakarta (WIB, UTC+7), the day a snapshot is named after. */
export const jakartaDay = (at = new Date()) => new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);

async function writeOne(db: Database, dir: string, date: string, format: ExportFormat): Promise<SnapshotFile> {
  const file = `reports-${date}.${format}`;
  const partial = path.join(dir, `.${file}.partial`);
  const hash = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  const rows = exportRows(db, format, { filter: parseReportFilter({}) });
  await pipeline(await exportStream(format, rows), tap, fs.createWriteStream(partial));
  const sha256 = hash.digest('hex');
  // sha256sum's own format, so `sha256sum -c reports-<date>.csv.sha256` checks a download.
  fs.writeFileSync(`${partial}.sha256`, `${sha256}  ${file}\n`);
  // Renamed only once complete: a reader never gets half a file, nor a file without its checksum.
  fs.renameSync(partial, path.join(dir, file));
  fs.renameSync(`${partial}.sha256`, path.join(dir, `${file}.sha256`));
  return { file, format, date, bytes, sha256 };
}

/** Writes today's snapshot of every format with its checksum, and drops those beyond `keptDays`. */
export async function writeSnapshots(db: Database, dataDir: string, date = jakartaDay()): Promise<SnapshotFile[]> {
  const dir = snapshotDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const written = [];
  for (const format of exportFormats) written.push(await writeOne(db, dir, date, format));
  const days = [...new Set(fs.readdirSync(dir).map((f) => snapshotFile.exec(f.replace(/\.sha256$/, ''))?.[1]).filter(Boolean))].sort();
  for (const old of days.slice(0, Math.max(0, days.length - keptDays))) {
    for (const f of fs.readdirSync(dir).filter((name) => name.startsWith(`reports-${old}.`))) fs.rmSync(path.join(dir, f), { force: true });
  }
  return written;
}

/** The complete snapshots on disk (each with its checksum), newest first. */
export function listSnapshots(dataDir: string): SnapshotFile[] {
  const dir = snapshotDir(dataDir);
  if (!fs.existsSync(dir)) return [];
  const names = new Set(fs.readdirSync(dir));
  return [...names]
    .flatMap((file) => {
      const match = snapshotFile.exec(file);
      if (!match || !names.has(`${file}.sha256`)) return [];
      const sha256 = fs.readFileSync(path.join(dir, `${file}.sha256`), 'utf8').slice(0, 64);
      return [{ file, format: match[2] as ExportFormat, date: match[1], bytes: fs.statSync(path.join(dir, file)).size, sha256 }];
    })
    .sort((a, b) => b.date.localeCompare(a.date) || a.format.localeCompare(b.format));
}
