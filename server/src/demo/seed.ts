import { sql, type Database } from '../db/database.ts';
import { addClusterCells, addClusterWeeks } from './cells.ts';
import { assignTrackingCodes } from './codes.ts';
import { runInTransaction } from '../db/open-transaction.ts';
import { addDemoAfterPhotos, settleDemoAfterPhotos } from './after-photos.ts';
import { addEvents } from './events.ts';
import { createLifecycle } from './lifecycle.ts';
import { insertReports, lockReports, notifyTiles } from './load.ts';
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
  /**
   * Where the after photos' files go (DATA_DIR/photos). Without it, resolved demo reports get
   * no after photo (the benchmarks' databases need none).
   */
  photosDir?: string;
}

/**
 * Adds `count` synthetic reports (is_synthetic, a "[data contoh]" description), spread like
 * real ones (profile.ts), routed by route_kelurahan like a resident's, each with a life of
 * its own (lifecycle.ts: deadlines, desk work, resolutions with public answers and after
 * photos, reopenings, a moderation queue) told by its timeline (events.ts), in one
 * transaction of set-based statements: the same code runs on PostgreSQL and on the embedded
 * database. Staff steps are credited to existing accounts, so create them first.
 */
export async function seedDemoReports(
  db: Database,
  { count, seed = 1, now = new Date(), onPhase = () => undefined, photosDir }: DemoSeedOptions,
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
  let photoIds: string[] = [];
  const inserted = await runInTransaction(db, async (tx) => {
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
    await timed('lifecycles', () => createLifecycle(tx, seed, now, plan));
    await timed('reports inserted', () => insertReports(tx));
    await tx.query(sql`ALTER TABLE reports ENABLE TRIGGER reports_cluster_cells_insert_delete`);
    await tx.query(sql`ALTER TABLE reports ENABLE TRIGGER reports_tiles_insert`);
    await timed('cluster cells', () => addClusterCells(tx, lastId));
    await timed('cluster cells per week', () => addClusterWeeks(tx, lastId));
    // Demo reports have no reporter to notify (db/functions/queue_reporter_notice.sql): the
    // trigger would look that up once per event for nothing.
    await tx.query(sql`ALTER TABLE report_events DISABLE TRIGGER report_events_reporter_notice`);
    await timed('events', () => addEvents(tx, seed, lastId, photosDir !== undefined));
    await tx.query(sql`ALTER TABLE report_events ENABLE TRIGGER report_events_reporter_notice`);
    if (photosDir !== undefined) photoIds = await timed('after photos', () => addDemoAfterPhotos(tx, seed, lastId, photosDir));
    await notifyTiles(tx);
    const [{ n }] = await tx.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM reports WHERE id > ${lastId}`);
    return n;
  });
  if (photosDir !== undefined) await settleDemoAfterPhotos(photosDir, photoIds);
  return { inserted, milliseconds: Math.round(performance.now() - started) };
}
