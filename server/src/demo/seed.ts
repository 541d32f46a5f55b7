import { sql, type Database } from '../db/database.ts';
import { addClusterCells } from './cells.ts';
import { assignTrackingCodes } from './codes.ts';
import { addSubmittedEvents, insertReports, lockReports, notifyTiles } from './load.ts';
import { planDemo } from './plan.ts';
import { createRoutedTable, drawRoutedPoints } from './points.ts';
import { createSlots } from './slots.ts';

export interface DemoSeedOptions {
  count: number;
  /** Same seed, same points, categories, times and codes (on an empty database). */
  seed?: number;
  /** Reports fall in the 730 days before this day. */
  now?: Date;
  /** Told the duration of each step, for the seed command's output. */
  onPhase?: (phase: string, milliseconds: number) => void;
}

/**
 * Adds `count` synthetic reports (is_synthetic, a "[data contoh]" description), spread like
 * real ones (profile.ts), routed by route_kelurahan like a resident's, in one transaction of
 * set-based statements: the same code runs on PostgreSQL and on the embedded database.
 */
export async function seedDemoReports(
  db: Database,
  { count, seed = 1, now = new Date(), onPhase = () => undefined }: DemoSeedOptions,
): Promise<{ inserted: number; milliseconds: number }> {
  if (!Number.isInteger(count) || count < 0) throw new Error(`count must be a whole number ≥ 0, got ${count}`);
  if (!Number.isSafeInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  const started = performance.now();
  const plan = planDemo(count, now);
  const timed = async <T>(phase: string, step: () => Promise<T>): Promise<T> => {
    const phaseStarted = performance.now();
    const result = await step();
    onPhase(phase, Math.round(performance.now() - phaseStarted));
    return result;
  };
  const inserted = await db.transaction(async (tx) => {
    // route_kelurahan makes every statement look expensive to the planner, and JIT compiling
    // each one costs seconds that these single-pass statements never earn back. The sorts and
    // hashes over a million rows stay in memory with a larger work_mem.
    await tx.query(sql`SET LOCAL jit = off`);
    await tx.query(sql`SET LOCAL work_mem = '256MB'`);
    await timed('slots', () => createSlots(tx, plan, seed));
    await createRoutedTable(tx);
    await timed('points drawn and routed', () => drawRoutedPoints(tx, seed));
    const lastId = await lockReports(tx);
    await timed('tracking codes', () => assignTrackingCodes(tx, seed));
    await timed('reports inserted', () => insertReports(tx, seed, now, plan));
    await tx.query(sql`ALTER TABLE reports ENABLE TRIGGER reports_cluster_cells_insert_delete`);
    await tx.query(sql`ALTER TABLE reports ENABLE TRIGGER reports_tiles_insert`);
    await timed('cluster cells', () => addClusterCells(tx, lastId));
    await timed('submitted events', () => addSubmittedEvents(tx, lastId));
    await notifyTiles(tx);
    const [{ n }] = await tx.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM reports WHERE id > ${lastId}`);
    return n;
  });
  return { inserted, milliseconds: Math.round(performance.now() - started) };
}
