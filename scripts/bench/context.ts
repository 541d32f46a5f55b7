import type { Database } from '../../server/src/db/database.ts';
import type { BenchServer } from './server.ts';

/** What every sub-command gets: the bench database, the running server, and where figures go. */
export interface BenchContext {
  reports: number;
  db: Database;
  databaseUrl: string;
  server: BenchServer;
  /** Tiles per zoom for the tile sweeps; 0 means every tile covering the city. */
  tilesPerZoom: number;
  /** Length of each phase of the mixed read/write load, s. */
  mixedSeconds: number;
  /** Figures for the JSON file, by the keys of bench/results/latest.json. */
  results: Record<string, unknown>;
  /** Peak server RSS seen by any phase that sampled it, MB. */
  peakRssMb: number;
  log(message: string): void;
}

/** Sub-commands: each measures one area, adds table rows and result keys. */
export type BenchArea = (context: BenchContext) => Promise<void>;
