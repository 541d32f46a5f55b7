import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeTile } from '../../../tiles/src/decode.ts';
import { tilesContaining } from '../../../tiles/src/index.ts';
import { sql, type Database } from '../../src/db/database.ts';
import { connectPostgres } from '../../src/db/postgres.ts';
import { parseLsn } from '../../src/db/replica.ts';
import { prepareDatabase } from '../../src/prepare-database.ts';
import { seedRoutingSamples } from '../../src/routing-rules/seed.ts';
import { eventually } from '../../src/test/eventually.ts';
import { freePort, pgBin, requirePrograms } from '../support/binaries.ts';
import { startNginx, type Nginx } from './nginx.ts';
import { startPostgresPair, type PostgresPair } from './postgres-pair.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';

// The deployment of docs/scaling.md on one machine: a primary and a streaming replica on
// loopback, two server processes reading from the replica and writing to the primary, nginx
// in front. Everything is created under a temporary folder and removed afterwards.
requirePrograms({
  [`${pgBin}/initdb`]: 'postgresql-15',
  [`${pgBin}/pg_ctl`]: 'postgresql-15',
  [`${pgBin}/pg_basebackup`]: 'postgresql-15',
  '/usr/share/postgresql/15/extension/postgis.control': 'postgresql-15-postgis-3',
  '/usr/sbin/runuser': 'util-linux',
  '/usr/sbin/nginx': 'nginx-light',
});

let dir: string;
let pair: PostgresPair | undefined;
let primary: Database | undefined;
let replica: Database | undefined;
const servers: ServerProcess[] = [];
let nginx: Nginx | undefined;
let a: ServerProcess, b: ServerProcess;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'petawarga-scale-'));
  execFileSync('chown', ['postgres:postgres', dir]);
  pair = await startPostgresPair(dir, 'petawarga');
  primary = await connectPostgres(pair.primaryUrl, 2);
  await prepareDatabase(primary);
  await seedRoutingSamples(primary);
  replica = await connectPostgres(pair.replicaUrl, 2);
  const [portA, portB, portNginx] = [await freePort(), await freePort(), await freePort()];
  const env = (name: string) => ({
    DATABASE_URL: pair!.primaryUrl, DATABASE_READ_URL: pair!.replicaUrl, DEMO_REPORTS: '0',
    DATA_DIR: path.join(dir, `data-${name}`), LOG_LEVEL: 'warn', SOURCE_BURST_LIMIT: '1000',
    PUBLIC_BASE_URL: `http://127.0.0.1:${portNginx}`, TRUST_PROXY: '127.0.0.1',
  });
  // Both start at once; whichever started is stopped in afterAll even if the other failed.
  const started = await Promise.allSettled([startServer(env('a'), portA), startServer(env('b'), portB)]);
  for (const s of started) if (s.status === 'fulfilled') servers.push(s.value);
  for (const s of started) if (s.status === 'rejected') throw s.reason;
  [a, b] = servers;
  nginx = await startNginx(path.join(dir, 'nginx'), portNginx, [`127.0.0.1:${portA}`, `127.0.0.1:${portB}`]);
}, 120_000);

afterAll(async () => {
  await nginx?.stop();
  await Promise.all(servers.map((s) => s.stop()));
  await replica?.close();
  await primary?.close();
  await pair?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}, 60_000);

const tileAt = (lon: number, lat: number, z: number) => tilesContaining(lon, lat, z, z)[0];
const tileUrl = (base: string, t: { z: number; x: number; y: number }, source = 'reports') =>
  `${base}/tiles/${source}/${t.z}/${t.x}/${t.y}.mvt`;

async function tileCodes(url: string) {
  const res = await fetch(url);
  const body = Buffer.from(await res.arrayBuffer());
  const features = body.length ? decodeTile(body).reports ?? [] : [];
  return {
    from: res.headers.get('x-read-from'),
    codes: features.map((f) => String(f.properties.code)),
    count: features.reduce((n, f) => n + Number(f.properties.point_count ?? 1), 0),
  };
}

const submit = (base: string, lon: number, lat: number) => fetch(`${base}/api/reports`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ category: 'banjir', description: 'Banjir setinggi lutut di depan gang', lon, lat }),
});

/** Milliseconds until the replica has replayed the primary's WAL position of now. */
async function replicaCatchUp(): Promise<number> {
  const [{ lsn }] = await primary!.query<{ lsn: string }>(sql`SELECT pg_current_wal_lsn()::text AS lsn`);
  const started = performance.now();
  await eventually(async () => {
    const [row] = await replica!.query<{ lsn: string }>(sql`SELECT pg_last_wal_replay_lsn()::text AS lsn`);
    return parseLsn(row.lsn)! >= parseLsn(lsn)!;
  }, { what: `the replica to replay up to ${lsn}`, timeoutMs: 10_000, intervalMs: 2 });
  return performance.now() - started;
}

/** The first value of `check` that `ok` accepts, within `ms`, and how long it took to come. */
async function within<T>(ms: number, check: () => Promise<T>, ok: (v: T) => boolean): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await eventually(async () => {
    const v = await check();
    return ok(v) && v;
  }, { what: `a change to show within ${ms} ms`, timeoutMs: ms, intervalMs: 20 });
  return { value, ms: performance.now() - started };
}

describe('two server instances behind nginx, a primary and a streaming replica', () => {
  it('shows a report submitted through one instance in the tiles of the other within a second', async () => {
    const lon = 106.6402, lat = -6.1803;
    const point = tileUrl(b.url, tileAt(lon, lat, 17));
    // Cached on B beforehand, read from the replica: the new report must still show.
    expect(await tileCodes(point)).toMatchObject({ from: 'replica', codes: [] });
    const res = await submit(a.url, lon, lat);
    expect(res.status).toBe(201);
    const { code } = await res.json();
    const seen = await within(1000, () => tileCodes(point), (t) => t.codes.includes(code));
    expect(seen.value.codes).toContain(code);
    expect(seen.ms).toBeLessThan(1000);
    const lagMs = await replicaCatchUp();
    // Once the replica has the report, a tile B renders comes from the replica and shows it.
    const cluster = await tileCodes(tileUrl(b.url, tileAt(lon, lat, 14)));
    expect(cluster).toMatchObject({ from: 'replica', count: 1 });
    console.log(`[scale] tile on B showed the report ${seen.ms.toFixed(0)} ms after A answered ` +
      `(read from ${seen.value.from}); replica replay caught up ${lagMs.toFixed(1)} ms later`);
  });

  it('lets a resident read their new report through nginx while the replica lags', async () => {
    const lon = 106.651, lat = -6.19;
    for (const server of [a, b]) expect((await tileCodes(tileUrl(server.url, tileAt(lon, lat, 17)))).codes).toEqual([]);
    await replica!.query(sql`SELECT pg_wal_replay_pause()`);
    try {
      const res = await submit(nginx!.url, lon, lat);
      expect(res.status).toBe(201);
      const { code } = await res.json();
      const cookie = res.headers.getSetCookie().find((c) => c.startsWith('pw_wal='))!.split(';')[0];
      expect(cookie).toMatch(/^pw_wal=[0-9A-F]+\/[0-9A-F]+$/);

      const upstreams = new Set<string>();
      for (let i = 0; i < 4; i++) {
        const page = await fetch(`${nginx!.url}/api/reports/${code}`, { headers: { cookie } });
        expect(page.status).toBe(200);
        expect(page.headers.get('x-read-from')).toBe('primary');
        upstreams.add(page.headers.get('x-upstream')!);
        const list = await fetch(`${nginx!.url}/api/reports?limit=5`, { headers: { cookie } });
        upstreams.add(list.headers.get('x-upstream')!);
        expect((await list.json()).features.map((f: { properties: { code: string } }) => f.properties.code)).toContain(code);
      }
      expect(upstreams.size).toBe(2);
      // Without the cookie the list comes from the paused replica and lacks the report, so the
      // cookie is what made the difference; the report page falls back to the primary.
      const anonymous = await fetch(`${nginx!.url}/api/reports?limit=5`);
      expect(anonymous.headers.get('x-read-from')).toBe('replica');
      expect(JSON.stringify(await anonymous.json())).not.toContain(code);
      expect((await fetch(`${nginx!.url}/api/reports/${code}`)).status).toBe(200);

      // Both instances had the tile cached; the lagging replica must not put it back stale.
      for (const server of [a, b]) {
        const seen = await within(1000, () => tileCodes(tileUrl(server.url, tileAt(lon, lat, 17))), (t) => t.codes.includes(code));
        expect(seen.value).toMatchObject({ from: 'primary' });
        expect(seen.value.codes).toContain(code);
      }
    } finally {
      await replica!.query(sql`SELECT pg_wal_replay_resume()`);
    }
    await replicaCatchUp();
    const fresh = await tileCodes(tileUrl(b.url, tileAt(lon, lat, 13)));
    expect(fresh).toMatchObject({ from: 'replica' });
    expect(fresh.count).toBeGreaterThanOrEqual(1);
  });

  it('lets nginx keep boundary tiles and revalidate report tiles on every use', async () => {
    const boundary = tileUrl(nginx!.url, tileAt(106.632, -6.17, 12), 'kelurahan');
    await fetch(boundary);
    expect((await fetch(boundary)).headers.get('x-cache-status')).toBe('HIT');

    const lon = 106.66, lat = -6.21;
    const point = tileUrl(nginx!.url, tileAt(lon, lat, 17));
    const { code: first } = await (await submit(nginx!.url, lon, lat)).json();
    expect((await within(1000, () => tileCodes(point), (t) => t.codes.includes(first))).value.codes).toContain(first);
    const before = await fetch(point);
    expect(before.status).toBe(200);
    expect(before.headers.get('cache-control')).toBe('public, no-cache');
    const etag = before.headers.get('etag')!;
    const again = await fetch(point, { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(304);
    const { code } = await (await submit(nginx!.url, lon + 0.0001, lat)).json();
    const seen = await within(1000, () => tileCodes(point), (t) => t.codes.includes(code));
    expect(seen.value.codes).toContain(code);
  });

  it('counts sign-in attempts per client across both instances behind nginx', async () => {
    // A new e-mail each time, so that the back-off for one e-mail (staff/throttle.ts) waits for
    // the per-minute limit of the address.
    const login = (client: string, email = 'nobody@example.org') => fetch(`${nginx!.url}/api/staff/login`, {
      method: 'POST',
      // nginx appends its peer to X-Forwarded-For; the instances trust nginx (TRUST_PROXY).
      headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
      body: JSON.stringify({ email, password: 'salah' }),
    });
    const upstreams = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const res = await login('203.0.113.50', `nobody${i}@example.org`);
      expect(res.status).toBe(401);
      upstreams.add(res.headers.get('x-upstream')!);
    }
    expect(upstreams.size).toBe(2);
    expect((await login('203.0.113.50')).status).toBe(429);
    expect((await login('203.0.113.51')).status).toBe(401);
  });
});
