import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { sql, type Transaction } from '../db/database.ts';
import { appError } from '../http/error-catalogue.ts';
import { photoDecoding, type DecodingPool } from './decoding-pool.ts';

export const maxPhotos = 3;
/** A photo's file as served: its UUID, then .jpg or .thumb.jpg. */
export const photoFilePattern = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\\.thumb)?\\.jpg$';
export const maxPhotoBytes = 10 * 1024 * 1024;

export interface ProcessedPhoto {
  id: string;
  full: Buffer;
  thumbnail: Buffer;
  width: number;
  height: number;
}

/**
 * Photos above this many pixels are refused from their header, before a pixel is decoded: a
 * 292 KB PNG of 10000 × 10000 decodes to 300 MB and was measured at 3.4 s of CPU. Phones save 12 MP by
 * default (50 MP sensors bin 4 pixels into 1); 40 MP leaves room for a full-resolution 8K frame.
 */
export const maxPhotoPixels = 40_000_000;

/** Width and height from the image's header; sharp reads no pixel data for metadata(). */
async function headerDimensions(upload: Buffer): Promise<{ width: number; height: number }> {
  let metadata;
  try {
    metadata = await sharp(upload).metadata();
  } catch {
    throw appError('PHOTO_NOT_AN_IMAGE');
  }
  if (!metadata.width || !metadata.height) throw appError('PHOTO_NOT_AN_IMAGE');
  // Of an animated GIF or WebP only the first frame is decoded: width × pageHeight.
  return { width: metadata.width, height: metadata.pageHeight ?? metadata.height };
}

/** Refuses a photo whose header names more than maxPhotoPixels, without decoding it. */
export async function checkPhotoDimensions(upload: Buffer): Promise<void> {
  const { width, height } = await headerDimensions(upload);
  if (width * height > maxPhotoPixels) {
    throw appError('PHOTO_TOO_MANY_PIXELS', {
      width, height, maxMegapixels: maxPhotoPixels / 1_000_000, details: { width, height, max_pixels: maxPhotoPixels },
    });
  }
}

/**
 * Re-encodes uploads as JPEG: turned upright by their EXIF orientation, then every metadata
 * block dropped (sharp keeps none unless asked), because phone photos carry the GPS position
 * of the reporter's home and the camera's serial number. Large photos are scaled to 2048 px.
 * Every header is checked before any photo is decoded; decoding waits for a place in the pool.
 */
export async function processPhotos(uploads: Buffer[], pool: DecodingPool = photoDecoding): Promise<ProcessedPhoto[]> {
  for (const upload of uploads) await checkPhotoDimensions(upload);
  return pool.runAll(uploads.map((upload) => () => reencode(upload)));
}

async function reencode(upload: Buffer): Promise<ProcessedPhoto> {
  try {
    // limitInputPixels again: a header that lies about its size still cannot make libvips
    // allocate more than the limit.
    const full = await sharp(upload, { limitInputPixels: maxPhotoPixels })
      .rotate()
      .resize(2048, 2048, { fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    const thumbnail = await sharp(full.data).resize(400, 400, { fit: 'inside' }).jpeg({ quality: 75 }).toBuffer();
    return { id: randomUUID(), full: full.data, thumbnail, width: full.info.width, height: full.info.height };
  } catch {
    throw appError('PHOTO_NOT_AN_IMAGE');
  }
}

export function photoPaths(photosDir: string, id: string) {
  return { full: path.join(photosDir, `${id}.jpg`), thumbnail: path.join(photosDir, `${id}.thumb.jpg`) };
}

/** The marker of photo files written by a transaction that had not ended yet (photo-sweep.ts). */
export function pendingMarkerPath(photosDir: string, id: string) {
  return path.join(photosDir, `${id}.pending`);
}

/**
 * Writes the files before the rows that name them, in the caller's transaction: removed again
 * when it rolls back. A process killed before the rollback, or a COMMIT whose answer was lost,
 * leaves them behind: so a marker naming the transaction is written first, and the sweep
 * (photo-sweep.ts) keeps or removes the files once the database says how the transaction ended.
 */
export async function storePhotos(tx: Transaction, photosDir: string, photos: ProcessedPhoto[]): Promise<void> {
  if (photos.length === 0) return;
  await fs.mkdir(photosDir, { recursive: true });
  const [{ xid }] = await tx.query<{ xid: string }>(sql`SELECT pg_current_xact_id()::text AS xid`);
  const discard = () => Promise.all(photos.flatMap((p) => [
    ...Object.values(photoPaths(photosDir, p.id)).map((f) => fs.rm(f, { force: true })),
    fs.rm(pendingMarkerPath(photosDir, p.id), { force: true }),
  ]));
  tx.onRollback(async () => void (await discard()));
  await Promise.all(photos.map((p) => fs.writeFile(pendingMarkerPath(photosDir, p.id), xid)));
  await Promise.all(
    photos.flatMap((p) => {
      const paths = photoPaths(photosDir, p.id);
      return [fs.writeFile(paths.full, p.full), fs.writeFile(paths.thumbnail, p.thumbnail)];
    }),
  );
}
