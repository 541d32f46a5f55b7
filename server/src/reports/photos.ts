import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { appError } from '../http/error-catalogue.ts';

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
 * Re-encodes an upload as JPEG: turned upright by its EXIF orientation, then every metadata
 * block dropped (sharp keeps none unless asked), because phone photos carry the GPS position
 * of the reporter's home and the camera's serial number. Large photos are scaled to 2048 px.
 */
export async function processPhoto(upload: Buffer): Promise<ProcessedPhoto> {
  let metadata;
  try {
    metadata = await sharp(upload).metadata();
  } catch {
    throw appError('PHOTO_NOT_AN_IMAGE');
  }
  if (!metadata.width || !metadata.height) throw appError('PHOTO_NOT_AN_IMAGE');
  if (metadata.width * metadata.height > 100_000_000) {
    throw appError('PHOTO_TOO_LARGE');
  }
  try {
    const full = await sharp(upload)
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

/** Writes the files before the database commit; `discard` removes them if the commit fails. */
export async function storePhotos(photosDir: string, photos: ProcessedPhoto[]) {
  await fs.mkdir(photosDir, { recursive: true });
  await Promise.all(
    photos.flatMap((p) => {
      const paths = photoPaths(photosDir, p.id);
      return [fs.writeFile(paths.full, p.full), fs.writeFile(paths.thumbnail, p.thumbnail)];
    }),
  );
  return {
    discard: () =>
      Promise.all(
        photos.flatMap((p) => Object.values(photoPaths(photosDir, p.id)).map((f) => fs.rm(f, { force: true }))),
      ),
  };
}
