import fs from 'node:fs/promises';
import sharp from 'sharp';
import { sql, type Sql, type Transaction } from '../db/database.ts';
import { pendingMarkerPath, storePhotos, type ProcessedPhoto } from '../reports/photos.ts';

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
 * upload's so that a rolled-back seed leaves none behind.
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
  // In batches, so that a large seed does not open every file at once.
  for (let i = 0; i < rows.length; i += 500) {
    const photos: ProcessedPhoto[] = rows.slice(i, i + 500).map(({ id }) => ({ id, full: jpeg, thumbnail: jpeg, width, height }));
    await storePhotos(tx, photosDir, photos);
  }
  return rows.map(({ id }) => id);
}

/**
 * Once the seed has committed, its photos' upload markers have nothing left to settle; removed
 * here rather than one database question each by the photo sweep (reports/photo-sweep.ts),
 * which still settles them if the process stops first.
 */
export async function settleDemoAfterPhotos(photosDir: string, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await Promise.all(ids.slice(i, i + 500).map((id) => fs.rm(pendingMarkerPath(photosDir, id), { force: true })));
  }
}
