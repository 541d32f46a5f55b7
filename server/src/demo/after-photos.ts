import fs from 'node:fs/promises';
import sharp from 'sharp';
import { sql, type Sql, type Transaction } from '../db/database.ts';
import { pendingMarkerPath, photoPaths } from '../reports/photos.ts';

// Every resolution of a demo report comes with an 'after' photo, as the desk uploads one
// (console/after-photos.ts). They all show the same small generated picture: a repaired road
// surface with a check mark, so the console and report page have something to show without
// shipping photographs.

/** A demo after photo's id: the same for the same seed, report and position. */
export const demoPhotoId = (seed: number, reportId: Sql, position: number | Sql) =>
  sql`md5(${seed}::text || ':' || ${reportId}::text || ':after:' || ${position}::text)::uuid`;

const width = 320;
const height = 240;
const picture = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
  <rect width="${width}" height="${height}" fill="#9cc3e6"/>
  <rect y="110" width="${width}" height="130" fill="#6b6f73"/>
  <rect x="60" y="150" width="160" height="55" rx="8" fill="#3f4246"/>
  <rect y="170" width="${width}" height="6" fill="#f2f2f2"/>
  <circle cx="262" cy="60" r="34" fill="#2e9d57"/>
  <path d="M246 60 l11 12 l22 -24" stroke="#ffffff" stroke-width="8" fill="none"/>
</svg>`;

let encoded: Promise<Buffer> | undefined;

/** The JPEG, encoded once per process; the same bytes for the same sharp build. */
function demoJpeg(): Promise<Buffer> {
  encoded ??= sharp(Buffer.from(picture)).jpeg({ quality: 70 }).toBuffer();
  return encoded;
}

/**
 * Adds the after photos of the demo reports above `afterId`: one per resolution (a report
 * resolved again after reopening has two), with their files in `photosDir`, written like an
 * upload's so that a rolled-back seed leaves none behind. Returns the photos' ids.
 */
export async function addDemoAfterPhotos(tx: Transaction, seed: number, afterId: number, photosDir: string): Promise<string[]> {
  const jpeg = await demoJpeg();
  const rows = await tx.query<{ id: string }>(sql`
    INSERT INTO report_photos (id, report_id, kind, position, width, height, bytes, created_at)
    SELECT ${demoPhotoId(seed, sql`r.id`, sql`p.position`)}, r.id, 'after', p.position, ${width}, ${height}, ${jpeg.length}, p.at
    FROM demo_life x
    JOIN reports r ON r.code = x.code
    CROSS JOIN LATERAL (VALUES (0, x.resolved_at), (1, x.again_resolved_at)) AS p (position, at)
    WHERE r.id > ${afterId} AND p.at IS NOT NULL
    ORDER BY r.id, p.position
    RETURNING id`);
  await storeLinkedPhotos(tx, photosDir, rows.map(({ id }) => id), jpeg);
  return rows.map(({ id }) => id);
}

/**
 * Writes the files as storePhotos (reports/photos.ts) does, upload marker first and removed
 * again on rollback, but the bytes once: every other file is a hard link to the first photo's
 * (a marker to its marker: they hold the same transaction id). Writing thousands of small
 * files took seconds of a first start; linking them takes milliseconds.
 */
export async function storeLinkedPhotos(
  tx: Transaction, photosDir: string, ids: string[], jpeg: Buffer, photosPerFile = 20_000,
): Promise<void> {
  if (ids.length === 0) return;
  await fs.mkdir(photosDir, { recursive: true });
  const [{ xid }] = await tx.query<{ xid: string }>(sql`SELECT pg_current_xact_id()::text AS xid`);
  const filesOf = (id: string) => [pendingMarkerPath(photosDir, id), ...Object.values(photoPaths(photosDir, id))];
  tx.onRollback(() => inBatches(ids, (id) => Promise.all(filesOf(id).map((f) => fs.rm(f, { force: true })))));
  // A file takes at most 65,000 links on ext4 (EMLINK beyond): a 1,000,000-report seed has far
  // more after-photos, so each group of photos (a full size and a thumbnail each) links to its own.
  for (let start = 0; start < ids.length; start += photosPerFile) {
    const group = ids.slice(start, start + photosPerFile);
    const [firstMarker, firstFull] = filesOf(group[0]);
    await fs.writeFile(firstMarker, xid);
    await fs.writeFile(firstFull, jpeg);
    await inBatches(group, async (id) => {
      const [marker, full, thumbnail] = filesOf(id);
      if (id !== group[0]) await fs.link(firstMarker, marker);
      await Promise.all([id !== group[0] && fs.link(firstFull, full), fs.link(firstFull, thumbnail)]);
    });
  }
}


/** Runs `step` for every id, 500 at a time, so that a large seed does not open every file at once. */
async function inBatches(ids: string[], step: (id: string) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) await Promise.all(ids.slice(i, i + 500).map(step));
}

/**
 * Once the seed has committed, its photos' upload markers have nothing left to settle; removed
 * here rather than one database question each by the photo sweep (reports/photo-sweep.ts),
 * which still settles them if the process stops first.
 */
export async function settleDemoAfterPhotos(photosDir: string, ids: string[]): Promise<void> {
  await inBatches(ids, (id) => fs.rm(pendingMarkerPath(photosDir, id), { force: true }));
}
