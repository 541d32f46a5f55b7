import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '../../src/db/database.ts';
import { createTestDatabase, type TestDatabase } from '../../src/test/database.ts';
import { eventually } from '../../src/test/eventually.ts';
import { describeNeeding, postgres } from '../../src/test/requirements.ts';
import { freePort } from '../support/binaries.ts';
import { startServer, type ServerProcess } from '../support/server-process.ts';

// SIGTERM, as a supervisor or a rolling deploy sends it: the request in hand is answered and
// stored, new connections are refused, and the process exits 0.
describeNeeding([[postgres, 'the server runs as a process of its own, which the embedded database cannot serve at the same time']],
  'the server on SIGTERM', () => {
    let t: TestDatabase;
    let dataDir: string;
    let server: ServerProcess | undefined;

    beforeAll(async () => {
      t = await createTestDatabase();
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'petawarga-shutdown-'));
      server = await startServer({ DATABASE_URL: t.url!, DEMO_REPORTS: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, await freePort(), 90_000);
    }, 120_000);
    afterAll(async () => {
      await server?.stop();
      await t?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('finishes the request in hand, refuses new connections, and exits 0', async () => {
      const body = JSON.stringify({ category: 'sampah', description: 'Sampah menumpuk di depan sekolah dasar', lon: 106.651, lat: -6.19 });
      const url = new URL(`${server!.url}/api/reports`);
      const request = http.request({
        host: url.hostname, port: url.port, path: url.pathname, method: 'POST',
        // The server answers 100 Continue once it has read the headers: the request is in hand.
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' },
      });
      const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
        request.on('response', (response) => {
          let text = '';
          response.on('data', (chunk) => (text += chunk));
          response.on('end', () => resolve({ status: response.statusCode!, body: text }));
        });
        request.on('error', reject);
      });
      await new Promise((resolve) => request.once('continue', resolve));

      process.kill(server!.pid, 'SIGTERM');
      await eventually(() => fetch(`${server!.url}/health/live`).then(() => false, () => true),
        { what: 'the server to refuse new connections' });
      expect(server!.ended()).toBeUndefined();

      request.end(body);
      const { status, body: text } = await answered;
      expect(status).toBe(201);
      const { code } = JSON.parse(text);
      expect(await t.db.query(sql`SELECT code FROM reports WHERE code = ${code}`)).toEqual([{ code }]);
      await eventually(() => server!.ended(), { what: 'the server to exit', timeoutMs: 20_000 });
      expect(server!.ended()).toBe('code 0');
      expect(server!.output()).toMatch(/SIGTERM: finishing the requests in hand/);
    });
  });
