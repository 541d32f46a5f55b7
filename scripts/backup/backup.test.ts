import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../server/src/test/app.ts';
import { multipartBody } from '../../server/src/test/multipart.ts';
import { describeNeeding, postgres } from '../../server/src/test/requirements.ts';
import { signIn } from '../../server/src/test/staff.ts';

const root = path.resolve(import.meta.dirname, '../..');
const execFileAsync = promisify(execFile);

/** `npm run SCRIPT -- ARGS` in a process of its own, as an operator runs it. */
function script(file: string, env: Record<string, string>, ...args: string[]) {
  return execFileAsync(path.join(root, 'node_modules/.bin/tsx'), [file, ...args], { cwd: root, env: { ...process.env, ...env } })
    .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string }));
}

const sukarasa = { lat: -6.17, lon: 106.632 };

function photo(colour: string): Promise<Buffer> {
  return sharp({ create: { width: 640, height: 480, channels: 3, background: colour } }).jpeg().toBuffer();
}

/** Every row a resident or officer made, and every photo file's SHA-256, read straight from the store. */
async function everything(url: string, dataDir: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows = async (table: string) => (await client.query(`SELECT * FROM ${table} ORDER BY 1`)).rows;
    const photosDir = path.join(dataDir, 'photos');
    // Photo files only: the sweep's .pending markers (reports/photos.ts) are not data.
    const photos = Object.fromEntries(fs.readdirSync(photosDir).filter((name) => name.endsWith('.jpg')).sort().map((name) =>
      [name, createHash('sha256').update(fs.readFileSync(path.join(photosDir, name))).digest('hex')]));
    return {
      reports: await rows('reports'),
      events: await rows('report_events'),
      reporters: await rows('reporters'),
      reportPhotos: await rows('report_photos'),
      photos,
    };
  } finally {
    await client.end();
  }
}

async function databaseExists(url: string): Promise<boolean> {
  const server = new URL(url);
  const name = server.pathname.slice(1);
  server.pathname = '/postgres';
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    return (await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}

describeNeeding([[postgres, 'pg_dump and pg_restore work on a PostgreSQL server, and the test drops and recreates a database on it']],
  'npm run db:backup, then db:restore', () => {
  let t: TestApp;
  let url: string;
  let dataDir: string;
  let env: Record<string, string>;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'petawarga-backup-'));
  const backupDir = path.join(work, 'backup');
  let before: Awaited<ReturnType<typeof everything>>;

  beforeAll(async () => {
    t = await createTestApp();
    url = t.url!;
    dataDir = t.dataDir;
    env = { DATABASE_URL: url, DATA_DIR: dataDir };
    const admin = await signIn(t.app, t.db, { role: 'admin' });
    const codes: string[] = [];
    for (const [i, colour] of ['#884422', '#228844', '#224488'].entries()) {
      const form = multipartBody(
        { category: 'sampah', description: `Sampah menumpuk di gang nomor ${i + 1}`, ...Object.fromEntries(Object.entries(sukarasa).map(([k, v]) => [k, String(v)])) },
        [{ name: 'photos', filename: 'a.jpg', type: 'image/jpeg', data: await photo(colour) },
          { name: 'photos', filename: 'b.jpg', type: 'image/jpeg', data: await photo('#ffffff') }],
      );
      const res = await t.app.inject({ method: 'POST', url: '/api/reports', ...form });
      expect(res.statusCode).toBe(201);
      codes.push(res.json().code);
    }
    const json = await t.app.inject({
      method: 'POST', url: '/api/reports',
      payload: { category: 'banjir', description: 'Air setinggi lutut di depan masjid', ...sukarasa,
        reporter: { name: 'Siti', phone: '+6281234567890', email: 'siti@example.org' } },
    });
    expect(json.statusCode).toBe(201);
    codes.push(json.json().code);
    // A report's whole life: status changes, a private note, after-photos, a +1.
    for (const change of [{ to: 'assigned' }, { to: 'in_progress' }, { to: 'resolved', response: 'Sampah sudah diangkut.' }]) {
      const res = await t.app.inject({ method: 'POST', url: `/api/reports/${codes[0]}/status`, headers: admin.headers, payload: change });
      expect(res.statusCode).toBe(200);
    }
    const note = await t.app.inject({ method: 'POST', url: `/api/console/reports/${codes[0]}/notes`, headers: admin.headers, payload: { text: 'Truk datang jam 9.' } });
    expect(note.statusCode).toBe(201);
    const after = multipartBody({}, [{ name: 'photos', filename: 'c.jpg', type: 'image/jpeg', data: await photo('#00aa00') }]);
    const afterRes = await t.app.inject({ method: 'POST', url: `/api/console/reports/${codes[0]}/photos`, payload: after.payload, headers: { ...after.headers, ...admin.headers } });
    expect(afterRes.statusCode).toBe(201);
    expect((await t.app.inject({ method: 'POST', url: `/api/reports/${codes[1]}/support` })).statusCode).toBe(200);
    await t.app.close();
    before = await everything(url, dataDir);
  });

  afterAll(async () => {
    const server = new URL(url);
    const name = server.pathname.slice(1);
    server.pathname = '/postgres';
    const client = new pg.Client({ connectionString: server.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('backs up, and after the database and photos are wiped restores every report, event and photo', async () => {
    expect(before.reports).toHaveLength(4);
    expect(before.events.length).toBeGreaterThanOrEqual(4 + 3 + 1);
    expect(before.reportPhotos).toHaveLength(7);
    expect(Object.keys(before.photos)).toHaveLength(14);

    const backup = await script('scripts/db-backup.ts', env, '--out', backupDir);
    expect(backup).toMatchObject({ code: 0, stdout: expect.stringContaining(`backup written to ${backupDir}`) });
    const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8'));
    expect(manifest.database.tables['public.reports']).toBe(4);
    expect(manifest.database.tables['public.report_events']).toBe(before.events.length);
    expect(manifest.database.migrations.last).toMatch(/\.sql$/);
    expect(manifest.database.pg_dump_version).toMatch(/PostgreSQL\) 15\./);
    expect(Object.fromEntries(manifest.photos.files.map((f: { name: string; sha256: string }) => [f.name, f.sha256]))).toEqual(before.photos);
    expect(manifest.photos.missing).toEqual([]);

    await t.drop();
    fs.rmSync(dataDir, { recursive: true });
    expect(await databaseExists(url)).toBe(false);

    const restore = await script('scripts/db-restore.ts', env, backupDir);
    expect(restore).toMatchObject({ code: 0, stdout: expect.stringContaining('restored and verified') });
    expect(await everything(url, dataDir)).toEqual(before);
  });

  it('refuses to restore over photos or a database with tables unless --force, then replaces both and keeps the old photos aside', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`INSERT INTO report_events (report_id, kind, actor, is_public) SELECT min(id), 'note', 'after-backup', false FROM reports`);
    await client.end();
    const afterBackup = await everything(url, dataDir);
    expect(afterBackup.events).toHaveLength(before.events.length + 1);

    const photosHere = await script('scripts/db-restore.ts', env, backupDir);
    expect(photosHere).toMatchObject({ code: 1, stderr: expect.stringContaining('PHOTOS_NOT_EMPTY') });
    const photos = path.join(dataDir, 'photos');
    fs.renameSync(photos, `${photos}.elsewhere`);
    const tablesHere = await script('scripts/db-restore.ts', env, backupDir);
    fs.renameSync(`${photos}.elsewhere`, photos);
    expect(tablesHere).toMatchObject({ code: 1, stderr: expect.stringContaining('DATABASE_NOT_EMPTY') });
    expect(await everything(url, dataDir)).toEqual(afterBackup);

    const forced = await script('scripts/db-restore.ts', env, backupDir, '--force');
    expect(forced).toMatchObject({ code: 0, stdout: expect.stringContaining('restored and verified') });
    expect(await everything(url, dataDir)).toEqual(before);
    const aside = fs.readdirSync(dataDir).filter((name) => name.startsWith('photos.before-restore-'));
    expect(aside).toHaveLength(1);
    expect(fs.readdirSync(path.join(dataDir, aside[0])).sort()).toEqual(Object.keys(before.photos));
  });

  it('refuses a backup whose photo was changed, naming it, before touching the database', async () => {
    const damaged = path.join(work, 'damaged');
    fs.cpSync(backupDir, damaged, { recursive: true });
    const victim = fs.readdirSync(path.join(damaged, 'photos')).sort()[0];
    const file = path.join(damaged, 'photos', victim);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 10] ^= 0xff;
    fs.writeFileSync(file, bytes);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`INSERT INTO report_events (report_id, kind, actor, is_public) SELECT min(id), 'note', 'after-backup', false FROM reports`);
    await client.end();
    const current = await everything(url, dataDir);

    const refused = await script('scripts/db-restore.ts', env, damaged, '--force');
    expect(refused).toMatchObject({ code: 1, stderr: expect.stringContaining('BACKUP_DAMAGED') });
    expect(refused.stderr).toContain(victim);
    expect(await everything(url, dataDir)).toEqual(current);
  });

  it('refuses to write into an existing folder', async () => {
    const again = await script('scripts/db-backup.ts', env, '--out', backupDir);
    expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining('BACKUP_EXISTS') });
  });
});

describe('npm run db:backup on the embedded database', () => {
  it('refuses with DATABASE_URL_NEEDED and says how to keep the embedded data', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'petawarga-embedded-'));
    const result = await script('scripts/db-backup.ts', { DATABASE_URL: '', DATA_DIR: dataDir });
    expect(result).toMatchObject({ code: 1, stderr: expect.stringContaining('DATABASE_URL_NEEDED') });
    expect(result.stderr).toContain(`copy the folder ${dataDir}`);
    fs.rmSync(dataDir, { recursive: true });
  });
});
