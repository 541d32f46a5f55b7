import { PGlite, types } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import fs from 'node:fs';
import type { Database, Queryable } from './database.ts';

const parsers = {
  [types.INT8]: (v: string) => Number(v),
  [types.NUMERIC]: (v: string) => Number(v),
};

/**
 * The embedded PostgreSQL + PostGIS (WebAssembly) used when no DATABASE_URL is given.
 * `dataDir` undefined keeps it in memory (tests); otherwise files persist between starts.
 * Starting it takes seconds (PostGIS is large), so progress goes to `onProgress`.
 */
export async function openEmbedded(
  dataDir: string | undefined,
  onProgress: (message: string) => void = () => undefined,
): Promise<Database> {
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const firstStart = !dataDir || !fs.existsSync(`${dataDir}/PG_VERSION`);
  onProgress(
    firstStart
      ? 'Starting the embedded PostgreSQL + PostGIS for the first time (about 20 s)…'
      : 'Starting the embedded PostgreSQL + PostGIS…',
  );
  const ticker = setInterval(() => onProgress(`…still starting the embedded database (${elapsed()})`), 5000);
  try {
    const pglite = await PGlite.create({ dataDir, extensions: { postgis }, parsers });
    onProgress(`Embedded database open (${elapsed()}); loading PostGIS…`);
    await pglite.exec('CREATE EXTENSION IF NOT EXISTS postgis');
    onProgress(`Embedded database ready in ${elapsed()}.`);

    const asQueryable = (q: Pick<PGlite, 'query'>): Queryable => ({
      async query(statement) {
        const result = await q.query(statement.text, statement.values as unknown[]);
        return result.rows as never[];
      },
    });

    return {
      kind: 'embedded',
      hasAsMvt: false,
      ...asQueryable(pglite),
      transaction: (fn) => pglite.transaction((tx) => fn(asQueryable(tx))),
      async exec(script) {
        await pglite.exec(script);
      },
      async listen(channel, onPayload) {
        const unlisten = await pglite.listen(channel, onPayload);
        return () => unlisten();
      },
      async close() {
        await pglite.close();
      },
    } satisfies Database as Database;
  } finally {
    clearInterval(ticker);
  }
}
