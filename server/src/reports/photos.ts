import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { AppError } from '../errors.ts';

export const maxPhotos = 3;
export const maxPhotoBytes = 10 * 1024 * 1024;

export interface ProcessedPhoto {
  id: string;
  full: Buffer;
  thumbnail: Buffer;
  width: number;
  height: number;
}

const notAnImage = new AppError(415, 'PHOTO_NOT_AN_IMAGE', {
  id: 'Berkas foto bukan gambar yang dapat dibaca (JPEG, PNG, WebP, HEIC, GIF, TIFF).',
  en: 'A photo is not a readable image (JPEG, PNG, WebP, HEIC, GIF, TIFF).',
});

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
    throw notAnImage;
  }
  if (!metadata.width || !metadata.height) throw notAnImage;
  if (metadata.width * metadata.height > 100_000_000) {
    throw new AppError(413, 'PHOTO_TOO_LARGE', {
      id: 'Resolusi foto terlalu besar (maksimal 100 megapiksel).',
      en: 'The photo resolution is too large (100 megapixels at most).',
    });
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
    throw notAnImage;
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
