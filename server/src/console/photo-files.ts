import fs from 'node:fs';
import { sql, type Queryable, type Sql } from '../db/database.ts';
import { appError } from '../http/error-catalogue.ts';
import { photoPaths } from '../reports/photos.ts';

/**
 * The file of a photo of a report within the staff member's scope, whatever the report's
 * status: a moderator must see the photos of a report held back from /media/photos.
 */
export async function deskPhotoFile(db: Queryable, photosDir: string, scope: Sql, file: string): Promise<string> {
  const id = file.slice(0, 36);
  const [photo] = await db.query(sql`
    SELECT 1 FROM report_photos p JOIN reports r ON r.id = p.report_id
    WHERE p.id = ${id}::uuid AND ${scope}`);
  if (!photo) throw appError('PHOTO_NOT_FOUND');
  const paths = photoPaths(photosDir, id);
  const path = file.endsWith('.thumb.jpg') ? paths.thumbnail : paths.full;
  if (!fs.existsSync(path)) throw appError('PHOTO_NOT_FOUND');
  return path;
}
