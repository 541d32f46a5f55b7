import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../app.ts';
import { readConfig, type Config } from '../config.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

export interface TestApp extends TestDatabase {
  app: FastifyInstance;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * Tests send many reports and queries from one address; burst screening, rate limits and the
 * analytics budget have tests of their own.
 */
export const withoutLimits = {
  sourceBurstLimit: 100_000, addressBurstLimit: 100_000, deviceWriteLimit: 100_000, addressWriteLimit: 100_000,
  analyticsComputeBudget: 100_000,
} satisfies Partial<Config>;

/** The real application over a fresh test database, with its own data folder for photos. */
export async function createTestApp(overrides: Partial<Config> = {}, options: { logger?: AppOptions['logger'] } = {}): Promise<TestApp> {
  const t = await createTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'petawarga-test-'));
  const config: Config = { ...readConfig(), dataDir, ...withoutLimits, ...overrides };
  const app = await buildApp({ config, db: t.db, logger: options.logger });
  await app.ready();
  return {
    ...t,
    app,
    dataDir,
    async close() {
      await app.close();
      await t.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
