import type { FastifyRequest } from 'fastify';
import { sql, type Sql, type Transaction } from '../db/database.ts';
import { appError } from '../http/error-catalogue.ts';
import { addEvent } from '../lifecycle/queries.ts';
import { maxPhotos, processPhotos, storePhotos } from '../reports/photos.ts';
import type { Staff } from '../staff/queries.ts';

// Proof of a fix is taken while the work goes on and when it is done; a closed report's record
// is final, and one not yet published (or rejected, or a duplicate) has no fix to prove.
const statusesTakingAfterPhotos = ['published', 'assigned', 'in_progress', 'resolved'];


/** The image files of a multipart form, all named `photos` (limits: the multipart plugin's). */
export async function readPhotoUploads(request: FastifyRequest): Promise<Buffer[]> {
  const uploads: Buffer[] = [];
  for await (const part of request.parts()) {
    if (part.type !== 'file') continue;
    if (part.fieldname !== 'photos') {
      part.file.resume();
      throw appError('VALIDATION_FAILED', { details: [{ field: part.fieldname, problem: 'unexpected file field; photos go in "photos"' }] });
    }
    uploads.push(await part.toBuffer());
  }
  if (uploads.length === 0) throw appError('VALIDATION_FAILED', { details: [{ field: 'photos', problem: 'at least one image file named "photos"' }] });
  return uploads;
}

/**
 * Adds 'after' photos to a report: re-encoded without EXIF like the resident's (processPhotos),
 * at most 3 per report in all. The report's state is checked before any photo is decoded, so
 * a refused upload costs no decoding; files are written before the rows that name them and
 * removed again if the transaction rolls back.
 */
export async function addAfterPhotos(tx: Transaction, photosDir: string, staff: Staff, scope: Sql, code: string, uploads: Buffer[]) {
  const [report] = await tx.query<{ id: number; status: string; after_count: number }>(sql`
    SELECT r.id, r.status,
           (SELECT count(*)::int FROM report_photos p WHERE p.report_id = r.id AND p.kind = 'after') AS after_count
    FROM reports r WHERE r.code = ${code} AND ${scope}
    FOR UPDATE OF r`);
  if (!report) throw appError('REPORT_NOT_FOUND', { code });
  if (!statusesTakingAfterPhotos.includes(report.status)) {
    throw appError('AFTER_PHOTOS_NOT_ALLOWED', {
      status: report.status, details: { status: report.status, allowed: statusesTakingAfterPhotos },
    });
  }
  if (report.after_count + uploads.length > maxPhotos) {
    throw appError('TOO_MANY_AFTER_PHOTOS', {
      max: maxPhotos, existing: report.after_count, details: { existing: report.after_count, max: maxPhotos },
    });
  }
  const photos = await processPhotos(uploads);
  await storePhotos(tx, photosDir, photos);
  for (const [i, p] of photos.entries()) {
    await tx.query(sql`
      INSERT INTO report_photos (id, report_id, kind, position, width, height, bytes)
      VALUES (${p.id}, ${report.id}, 'after', ${report.after_count + i}, ${p.width}, ${p.height}, ${p.full.length})`);
  }
  await addEvent(tx, {
    reportId: report.id, kind: 'after_photos_added', actor: `staff:${staff.id}`,
    newValue: { photos: photos.map((p) => p.id) }, isPublic: false,
  });
  return { added: photos.length, total_after: report.after_count + photos.length };
}
