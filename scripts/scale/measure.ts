// Figures for docs/scaling.md, on this machine: a primary and a streaming replica on loopback,
// two server processes, nginx in front (the set-up of server/test/multi-instance/multi-instance.test.ts).
// Measures replica replay lag under a burst of submissions, the time until another instance's
// tile shows a new report, and request rates through nginx. Run: npx tsx scripts/scale/measure.ts
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeTile } from '../../tiles/src/decode.ts';
import { tilesContaining } from '../../tiles/src/index.ts';
import { sql } from '../../server/src/db/database.ts';
import { connectPostgres } from '../../server/src/db/postgres.ts';
import { parseLsn } from '../../server/src/db/replica.ts';
import { prepareDatabase } from '../../server/src/prepare-database.ts';
import { seedRoutingSamples } from '../../server/src/routing-rules/seed.ts';
import { freePort } from '../../server/test/support/binaries.ts';
import { startNginx } from '../../server/test/multi-instance/nginx.ts';
import { startPostgresPair } from '../../server/test/multi-instance/postgres-pair.ts';
import { startServer } from '../../server/test/support/server-process.ts';

const quantiles = (values: number[]) => {
  const s = [...values].sort((x, y) => x - y);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))].toFixed(1);
  return `n=${s.length} p50=${q(0.5)} p95=${q(0.95)} max=${s[s.length - 1].toFixed(1)} ms`;
};

async function rate(seconds: number, concurrency: number, request: () => Promise<Response>) {
  let done = 0;
  const until = performance.now() + seconds * 1000;
  const statuses = new Set<number>();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < until) {
      const res = await request();
      await res.arrayBuffer();
      statuses.add(res.status);
      done++;
    }
  }));
  return `${(done / seconds).toFixed(0)} req/s (statuses ${[...statuses].join(',')})`;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'petawarga-measure-'));
execFileSync('chown', ['postgres:postgres', dir]);
const pair = await startPostgresPair(dir, 'petawarga');
const stops: (() => Promise<void>)[] = [pair.stop];
try {
  const primary = await connectPostgres(pair.primaryUrl, 2);
  const replica = await connectPostgres(pair.replicaUrl, 2);
  stops.unshift(() => primary.close(), () => replica.close());
  await prepareDatabase(primary);
  await seedRoutingSamples(primary);
  const [pa, pb, pn] = [await freePort(), await freePort(), await freePort()];
  const env = (name: string) => ({
    DATABASE_URL: pair.primaryUrl, DATABASE_READ_URL: pair.replicaUrl, DEMO_REPORTS: '0', LOG_LEVEL: 'warn',
    DATA_DIR: path.join(dir, `data-${name}`), SOURCE_BURST_LIMIT: '100000', TRUST_PROXY: '127.0.0.1',
    // Every write comes from this one machine: the public-write limits would refuse most of them.
    DEVICE_WRITE_LIMIT: '1000000', ADDRESS_WRITE_LIMIT: '1000000', ADDRESS_BURST_LIMIT: '1000000',
  });
  const [a, b] = await Promise.all([startServer(env('a'), pa), startServer(env('b'), pb)]);
  stops.unshift(a.stop, b.stop);
  const nginx = await startNginx(path.join(dir, 'nginx'), pn, [`127.0.0.1:${pa}`, `127.0.0.1:${pb}`]);
  stops.unshift(nginx.stop);
  console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);

  const submit = (base: string, i: number) => fetch(`${base}/api/reports`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      category: 'sampah', description: `Sampah menumpuk di tepi jalan nomor ${i}`,
      lon: 106.62 + (i % 40) * 0.002, lat: -6.17 - (i % 30) * 0.002,
    }),
  });

  // 1. Replica lag: each write's WAL position (its cookie) against the replica's replay position.
  const writes: { lsn: bigint; at: number }[] = [];
  const replayed: { lsn: bigint; at: number }[] = [];
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const [row] = await replica.query<{ lsn: string }>(sql`SELECT pg_last_wal_replay_lsn()::text AS lsn`);
      replayed.push({ lsn: parseLsn(row.lsn)!, at: performance.now() });
      await new Promise((r) => setTimeout(r, 1));
    }
  })();
  // Meanwhile a map viewer on B: the z11 tile over the area is invalidated by nearly every write.
  const readFrom: Record<string, number> = {};
  const z11 = tilesContaining(106.66, -6.2, 11, 11)[0];
  const viewer = (async () => {
    while (polling) {
      const res = await fetch(`${b.url}/tiles/reports/${z11.z}/${z11.x}/${z11.y}.mvt`);
      await res.arrayBuffer();
      const from = res.headers.get('x-read-from')!;
      readFrom[from] = (readFrom[from] ?? 0) + 1;
    }
  })();
  const burstStarted = performance.now();
  let next = 0;
  let burstSeconds = 0;
  try {
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (next < 400) {
        const res = await submit(nginx.url, next++);
        const at = performance.now();
        const cookie = res.headers.getSetCookie().find((c) => c.startsWith('pw_wal='));
        if (res.status !== 201 || !cookie) throw new Error(`submission failed: ${res.status} ${await res.text()}`);
        writes.push({ lsn: parseLsn(cookie.slice(7).split(';')[0])!, at });
      }
    }));
    burstSeconds = (performance.now() - burstStarted) / 1000;
    await new Promise((r) => setTimeout(r, 300));
  } finally {
    polling = false;
    await poller;
    await viewer;
  }
  const lags = writes.map((w) => {
    const seen = replayed.find((r) => r.lsn >= w.lsn && r.at >= w.at - 1000);
    return seen ? Math.max(0, seen.at - w.at) : Number.POSITIVE_INFINITY;
  });
  console.log(`submissions through nginx, 8 at a time: ${(400 / burstSeconds).toFixed(0)} reports/s`);
  console.log(`replica replay after each write's answer: ${quantiles(lags)} (polled every ~1 ms)`);
  console.log(`a z11 tile fetched from B during the burst came from: ${JSON.stringify(readFrom)}`);

  // 2. Freshness across instances: submitted through A, shown in B's cached tile.
  const fresh: number[] = [];
  for (let i = 0; i < 30; i++) {
    const lon = 106.62 + i * 0.0025, lat = -6.19;
    const t = tilesContaining(lon, lat, 17, 17)[0];
    const url = `${b.url}/tiles/reports/${t.z}/${t.x}/${t.y}.mvt`;
    await fetch(url).then((r) => r.arrayBuffer());
    const res = await fetch(`${a.url}/api/reports`, { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ category: 'banjir', description: 'Banjir setinggi lutut di depan gang', lon, lat }) });
    const mine = (await res.json()).code as string;
    const answered = performance.now();
    for (;;) {
      const body = Buffer.from(await (await fetch(url)).arrayBuffer());
      if (body.length && decodeTile(body).reports?.some((f) => f.properties.code === mine)) break;
      if (performance.now() - answered > 2000) throw new Error('not fresh in 2 s');
    }
    fresh.push(performance.now() - answered);
  }
  console.log(`A answered -> B's tile shows the report: ${quantiles(fresh)}`);

  // 3. Read rates through nginx (client in the same process on the same 2 cores: a floor).
  const t12 = tilesContaining(106.64, -6.18, 12, 12)[0];
  const tile = `${nginx.url}/tiles/reports/${t12.z}/${t12.x}/${t12.y}.mvt`;
  const etag = (await fetch(tile)).headers.get('etag')!;
  await fetch(`${a.url}/tiles/reports/${t12.z}/${t12.x}/${t12.y}.mvt`);
  await fetch(`${b.url}/tiles/reports/${t12.z}/${t12.x}/${t12.y}.mvt`);
  console.log(`report tile, cached in the instances, through nginx: ${await rate(5, 16, () => fetch(tile, { headers: { 'accept-encoding': 'gzip' } }))}`);
  console.log(`report tile revalidation (If-None-Match -> 304) through nginx: ${await rate(5, 16, () => fetch(tile, { headers: { 'if-none-match': etag } }))}`);
  const k = tilesContaining(106.64, -6.18, 13, 13)[0];
  const boundary = `${nginx.url}/tiles/kelurahan/${k.z}/${k.x}/${k.y}.mvt`;
  await fetch(boundary);
  console.log(`boundary tile from nginx's proxy_cache: ${await rate(5, 16, () => fetch(boundary))}`);
  console.log(`report list (replica) through nginx: ${await rate(5, 8, () => fetch(`${nginx.url}/api/reports?limit=20`))}`);
  const [{ n }] = await primary.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM reports`);
  console.log(`reports in the database at the end: ${n}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
} finally {
  for (const stop of stops) await stop().catch((e: Error) => console.error(e.message));
  fs.rmSync(dir, { recursive: true, force: true });
}
