import fs from 'node:fs';
import path from 'node:path';
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { appError } from '../http/error-catalogue.ts';
import { photoFilePattern } from '../reports/photos.ts';
import { normaliseTrackingCode } from '../reference/tracking-code.ts';
import type { Role } from '../staff/queries.ts';
import { reportScope } from '../staff/scope.ts';
import { requireStaff } from '../staff/sessions.ts';
import { addAfterPhotos, readPhotoUploads } from './after-photos.ts';
import { bulkAssign } from './bulk-assign.ts';
import { findDeskReport } from './detail.ts';
import { intakeRoutes } from './intake-routes.ts';
import { deskReportsGeoJson, listDeskReports } from './list.ts';
import { addNote } from './notes.ts';
import { deskPhotoFile } from './photo-files.ts';
import { mediaResponse } from '../http/responses.ts';
import {
  AfterPhotosResult, BulkAssignBody, CodeParams, ConsoleList, ConsoleListQuery, DeskMapCollection, DeskReportDetail, errors, NoteBody,
} from './schemas.ts';

/** Everyone who works reports one by one; planners see aggregates only (analytics). */
export const deskRoles: readonly Role[] = ['admin', 'moderator', 'department_officer', 'kelurahan_officer'];
/** Those who fix things, and so prove the fix: the roles that may resolve (lifecycle/transitions.ts). */
const fixerRoles: readonly Role[] = ['admin', 'department_officer', 'kelurahan_officer'];

/**
 * The operator console's API (web/src/console/). Every report is looked up within the staff
 * member's scope (staff/scope.ts): another desk's report answers 404, as if it did not exist.
 */
export const consoleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const photosDir = path.join(app.config.dataDir, 'photos');
  const desk = requireStaff(app.db, deskRoles);

  app.get('/api/console/reports', {
    preHandler: desk,
    schema: {
      tags: ['console'],
      summary: 'The reports in the staff member\'s scope: filtered, sorted by deadline, paged (or GeoJSON)',
      querystring: ConsoleListQuery,
      response: {
        200: {
          description: 'A page of the list (JSON), or with format=geojson every match as points',
          content: {
            'application/json': { schema: ConsoleList },
            'application/geo+json': { schema: DeskMapCollection },
          },
        },
        ...errors,
      },
    },
  }, async (request, reply) => {
    const scope = reportScope(request.staff!);
    if (request.query.format === 'geojson') {
      return reply.type('application/geo+json').send(await deskReportsGeoJson(app.db, scope, request.query));
    }
    return listDeskReports(app.db, scope, request.query);
  });

  app.get('/api/console/reports/:code', {
    preHandler: desk,
    schema: {
      tags: ['console'],
      summary: 'One report with its private side: all events, notes, reporter contact, routing, photos',
      params: CodeParams,
      response: { 200: DeskReportDetail, ...errors },
    },
  }, async (request) => {
    const code = normaliseTrackingCode(request.params.code);
    const report = await findDeskReport(app.db, request.staff!, reportScope(request.staff!), code);
    if (!report) throw appError('REPORT_NOT_FOUND', { code });
    return report;
  });

  app.post('/api/console/reports/:code/notes', {
    preHandler: desk,
    schema: {
      tags: ['console'],
      summary: 'Add a private internal note (never public)',
      params: CodeParams,
      body: NoteBody,
      response: { 201: Type.Object({ id: Type.Integer(), at: Type.String() }), ...errors },
    },
  }, async (request, reply) => {
    const code = normaliseTrackingCode(request.params.code);
    const note = await addNote(request.tx, request.staff!, reportScope(request.staff!), code, request.body.text);
    reply.status(201);
    return note;
  });

  app.post('/api/console/reports/:code/photos', {
    preHandler: requireStaff(app.db, fixerRoles),
    schema: {
      tags: ['console'],
      summary: 'Add up to 3 "after" photos as proof of the fix (multipart, files named photos; EXIF removed)',
      params: CodeParams,
      consumes: ['multipart/form-data'],
      response: { 201: AfterPhotosResult, ...errors },
    },
  }, async (request, reply) => {
    const code = normaliseTrackingCode(request.params.code);
    const uploads = await readPhotoUploads(request);
    const added = await addAfterPhotos(request.tx, photosDir, request.staff!, reportScope(request.staff!), code, uploads);
    reply.status(201);
    return added;
  });

  app.get('/api/console/photos/:file', {
    preHandler: desk,
    schema: {
      tags: ['console'],
      summary: 'A photo of a report in scope, whatever its status (full size, or .thumb.jpg)',
      params: Type.Object({ file: Type.String({ pattern: photoFilePattern }) }),
      response: { 200: mediaResponse('image/jpeg', 'The photo, EXIF removed'), ...errors },
    },
  }, async (request, reply) => {
    const file = await deskPhotoFile(app.db, photosDir, reportScope(request.staff!), request.params.file);
    return reply.type('image/jpeg').header('cache-control', 'private, max-age=3600').send(fs.createReadStream(file));
  });

  app.post('/api/console/bulk-assign', {
    preHandler: desk,
    schema: {
      tags: ['console'],
      summary: 'Assign many reports at once: each through the lifecycle, all or none',
      description: 'A refusal of any report (not found in scope, wrong status, role) changes none; its details name the report.',
      body: BulkAssignBody,
      response: { 200: Type.Object({ assigned: Type.Array(Type.String()) }), ...errors },
    },
  }, async (request) => {
    await bulkAssign(request.tx, request.staff!, request.body);
    return { assigned: request.body.codes.map(normaliseTrackingCode) };
  });

  await app.register(intakeRoutes);
};
