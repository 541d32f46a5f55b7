import { loadBoundaries } from './boundaries/load.ts';
import type { Database } from './db/database.ts';
import { migrate } from './db/migrate.ts';
import { seedReferenceData } from './reference/seed.ts';

/** Schema, boundaries and reference data: what every start-up and every test database needs. */
export async function prepareDatabase(db: Database, log?: (message: string) => void): Promise<void> {
  await migrate(db, log);
  const { loaded } = await loadBoundaries(db);
  if (loaded) log?.('boundaries loaded: 2 cities, 20 kecamatan, 158 kelurahan');
  await seedReferenceData(db);
}
