import fs from 'node:fs';
import path from 'node:path';
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from '../db/database.ts';
import { appError } from '../http/error-catalogue.ts';
import { publicStatuses } from './filters.ts';
import { photoFilePattern, photoPaths } from './photos.ts';
import { errorResponses, mediaResponse } from '../http/responses.ts';

/** Photos are served only while their report is public: a rejected report's photos vanish too. */
export const photoRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const photosDir = path.join(app.config.dataDir, 'photos');

  app.get('/media/photos/:file', {
    schema: {
      tags: ['reports'],
      summary: 'A report photo (full size, or .thumb.jpg for 400 px)',
      params: Type.Object({ file: Type.String({ pattern: photoFilePattern }) }),
      response: { 200: mediaResponse('image/jpeg', 'The photo, EXIF removed'), ...errorResponses(400, 404, 500, 503) },
    },
  }, async (request, reply) => {
    const id = request.params.file.slice(0, 36);
    const [photo] = await app.db.query(sql`
      SELECT 1 FROM report_photos p JOIN reports r ON r.id = p.report_id
      WHERE p.id = ${id}::uuid AND r.status = ANY(${[...publicStatuses]})
        AND (p.kind = 'before' OR r.status IN ('resolved', 'closed'))`);
    if (!photo) throw appError('PHOTO_NOT_FOUND');
    const paths = photoPaths(photosDir, id);
    const file = request.params.file.endsWith('.thumb.jpg') ? paths.thumbnail : paths.full;
    if (!fs.existsSync(file)) throw appError('PHOTO_NOT_FOUND');
    return reply
      .type('image/jpeg')
      .header('cache-control', 'public, max-age=86400')
      .send(fs.createReadStream(file));
  });
};
