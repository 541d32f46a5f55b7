import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Queryable } from '../db/database.ts';
import { importBasemap, type BasemapImported } from './import.ts';

/** The shipped sample extract (data/basemap/), written by sample-extract.ts. */
export const sampleExtractFile = fileURLToPath(new URL('../../../data/basemap/sample-tangerang.osm', import.meta.url));

/** Imports the sample extract: for tests, and for trying the base map without an extract. */
export function importSampleBasemap(tx: Queryable): Promise<BasemapImported> {
  if (!fs.existsSync(sampleExtractFile)) throw new Error(`missing ${sampleExtractFile}: run npm run basemap:sample`);
  return importBasemap(tx, sampleExtractFile);
}
