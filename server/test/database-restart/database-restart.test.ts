import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eventually } from '../../src/test/eventually.ts';
import { describeNeeding } from '../../src/test/requirements.ts';
import { freePort } from '../support/binaries.ts';
import { createDatabase, ownCluster, startCluster, type PostgresCluster, type StopMode } from '../support/postgres-cluster.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';

// The server as a real process over a PostgreSQL of its own, which the test stops and starts
// again under it, as an upgrade, a failover or a crash of the database would.
describeNeeding([[ownCluster, 'stops and starts a PostgreSQL under a running server']], 'the server across a PostgreSQL restart', () => {
  let dir: string;
  let cluster: PostgresCluster | undefined;
  let server: ServerProcess | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'petawarga-restart-'));
    execFileSync('chown', ['postgres:postgres', dir]);
    cluster = await startCluster(dir, 'pg');
    const url = await createDatabase(cluster, 'petawarga');
    env = { DATABASE_URL: url, DEMO_REPORTS: '0', DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'warn', SOURCE_BURST_LIMIT: '100000' };
    server = await startServer(env, await freePort(), 90_000);
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    await cluster?.stop('immediate').catch(() => undefined);
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  const get = (url: string) => fetch(`${server!.url}${url}`);
  const submit = (description: string) => fetch(`${server!.url}/api/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ category: 'jalan_rusak', description, lon: 106.6402, lat: -6.1803 }),
  });

  async function expectUnavailable(response: Response) {
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect((await response.json()).error.code).toBe('DATABASE_UNAVAILABLE');
  }

  it.each<[StopMode, number]>([['fast', 11], ['immediate', 12]])(
    'stays up through PostgreSQL stopped in %s mode: 503 with Retry-After while PostgreSQL is down, serving within 2 s of its return',
    async (mode, tileZoom) => {
      expect((await submit(`Jalan berlubang sebelum ${mode}`)).status).toBe(201);
      await cluster!.stop(mode);

      expect((await get('/health/live')).status).toBe(200);
      await expectUnavailable(await get('/health/ready'));
      await expectUnavailable(await get('/health'));
      await expectUnavailable(await get('/api/reports?limit=5'));
      await expectUnavailable(await submit(`Jalan berlubang selama ${mode}`));
      // A tile no one asked for yet: it must be rendered, which needs the database.
      await expectUnavailable(await get(`/tiles/reports/${tileZoom}/1650/1060.mvt`));
      // The rate limit counts in the database in an onRequest hook, before the route.
      await expectUnavailable(await fetch(`${server!.url}/api/staff/login`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'a@b.id', password: 'x' }),
      }));
      // The session is looked up in a preHandler.
      await expectUnavailable(await fetch(`${server!.url}/api/moderation/queue`, { headers: { cookie: 'pw_session=sesi-lama' } }));
      expect(server!.ended()).toBeUndefined();

      await cluster!.start();
      const back = Date.now();
      await eventually(async () => (await get('/health/ready')).status === 200 && (await submit(`Jalan berlubang sesudah ${mode}`)).status === 201,
        { what: `the server to serve again after a ${mode} restart`, timeoutMs: 2000, intervalMs: 50 });
      expect(Date.now() - back).toBeLessThan(2000);
      expect((await get('/health')).status).toBe(200);
      expect((await get('/api/reports?limit=5')).status).toBe(200);
      expect(server!.ended()).toBeUndefined();
      // Every connection handled its own loss: none reached the process's last resort.
      expect(server!.output()).not.toMatch(/not handled where it happened|INTERNAL_ERROR|unhandled error/);
    }, 60_000);

  it('starts while PostgreSQL is down: waits for it instead of exiting, then serves', async () => {
    await cluster!.stop('fast');
    let said = '';
    const starting = startServer(env, await freePort(), 90_000, (text) => (said += text));
    try {
      await eventually(() => said.includes('PostgreSQL not reachable'), { what: 'the second server to find PostgreSQL down', timeoutMs: 30_000 });
    } finally {
      await cluster!.start();
    }
    const second = await starting;
    try {
      expect((await fetch(`${second.url}/health/ready`)).status).toBe(200);
      expect(second.ended()).toBeUndefined();
    } finally {
      await second.stop();
    }
  }, 120_000);
});
