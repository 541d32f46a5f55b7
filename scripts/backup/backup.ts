import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../../server/src/config.ts';
import { photoPaths } from '../../server/src/reports/photos.ts';
import { BackupError } from './backup-error.ts';
import { databaseFacts, photoIds, type DatabaseFacts } from './database-facts.ts';
import { requireDatabaseUrl } from './embedded-refusal.ts';
import { appIdentity, manifestFormat, writeManifest, type Manifest } from './manifest.ts';
import { copyPhotos, sha256OfFile } from './photo-files.ts';
import { pgTool, runPgTool } from './pg-tools.ts';

const dumpFile = 'database.dump';
const photosDir = 'photos';

/**
 * Writes a backup folder `outDir`: a pg_dump custom-format dump of DATABASE_URL, a copy of
 * DATA_DIR/photos and manifest.json. The folder is built beside its final name and renamed
 * when complete, so `outDir` either is a whole backup or does not exist.
 */
export async function createBackup(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  outDir: string,
  log: (message: string) => void = () => undefined,
): Promise<Manifest> {
  const databaseUrl = requireDatabaseUrl(config, 'npm run db:backup');
  if (await fs.stat(outDir).then(() => true, () => false)) {
    throw new BackupError('BACKUP_EXISTS', `${outDir} already exists; choose a new folder`);
  }
  const pgDump = await pgTool('pg_dump');
  const partial = `${outDir}.partial`;
  await fs.rm(partial, { recursive: true, force: true });
  await fs.mkdir(partial, { recursive: true });
  try {
    const snapshot = await dumpDatabase(databaseUrl, pgDump.file, path.join(partial, dumpFile));
    log(`database dumped: ${Object.values(snapshot.facts.tables).reduce((a, b) => a + b, 0)} rows in ${Object.keys(snapshot.facts.tables).length} tables`);
    // Photos are copied after the dump's snapshot: a photo's files are written before the row
    // that names them commits, so every row in the dump finds its files here.
    const livePhotos = path.join(config.dataDir, 'photos');
    const photos = await copyPhotos(livePhotos, path.join(partial, photosDir));
    const copied = new Set(photos.map((p) => p.name));
    const missing = snapshot.photoIds
      .flatMap((id) => Object.values(photoPaths('', id)))
      .filter((name) => !copied.has(name));
    log(`photos copied: ${photos.length} files${missing.length ? `; ${missing.length} named in the database were already missing` : ''}`);
    const dumpPath = path.join(partial, dumpFile);
    const manifest: Manifest = {
      format: manifestFormat,
      created_at: new Date().toISOString(),
      app: await appIdentity(),
      database: {
        file: dumpFile,
        bytes: (await fs.stat(dumpPath)).size,
        sha256: await sha256OfFile(dumpPath),
        server_version: snapshot.facts.serverVersion,
        pg_dump_version: pgDump.version,
        migrations: snapshot.facts.migrations,
        tables: snapshot.facts.tables,
      },
      photos: { dir: photosDir, files: photos, missing },
    };
    await writeManifest(partial, manifest);
    await fs.rename(partial, outDir);
    return manifest;
  } catch (error) {
    await fs.rm(partial, { recursive: true, force: true });
    throw error;
  }
}

/**
 * pg_dump and our own counts read one exported snapshot, so the manifest's row counts are
 * exactly the dump's even while the app keeps writing.
 */
async function dumpDatabase(databaseUrl: string, pgDump: string, file: string): Promise<{ facts: DatabaseFacts; photoIds: string[] }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows: [{ id }] } = await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id');
    await runPgTool(pgDump, ['--format=custom', `--snapshot=${id}`, `--file=${file}`], databaseUrl);
    const facts = await databaseFacts(client);
    const ids = await photoIds(client);
    await client.query('COMMIT');
    return { facts, photoIds: ids };
  } finally {
    await client.end();
  }
}
