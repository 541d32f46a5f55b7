import path from 'node:path';
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { appError } from '../http/error-catalogue.ts';
import { checkIdempotencyKey } from './idempotency.ts';
import { listPublicReports, ReportListQuery } from './list.ts';
import { readMultipartSubmission } from './multipart.ts';
import { maxPhotos, processPhotos } from './photos.ts';
import { findPublicReport } from './queries.ts';
import { findReportForSender } from './sender-view.ts';
import { ErrorResponse } from '../http/app-error.ts';
import { PublicReport, PublicReportPage, ReportSubmission, SubmittedReport } from './schemas.ts';
import { DeviceIdHeaders, writeSourceOf } from '../rate-limit/client.ts';
import { limitPublicWrites } from '../rate-limit/public-writes.ts';
import { submitReport } from './submit.ts';
import { normaliseTrackingCode, trackingCodePattern } from '../reference/tracking-code.ts';
import { publicReadDb } from '../db/read-your-writes.ts';

const errors = { 400: ErrorResponse, 404: ErrorResponse, 413: ErrorResponse, 415: ErrorResponse, 422: ErrorResponse };

export const reportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const photosDir = path.join(app.config.dataDir, 'photos');

  app.post('/api/reports', {
    onRequest: limitPublicWrites(app, 'report'),
    schema: {
      tags: ['reports'],
      summary: 'Submit a report',
      description:
        'JSON, or multipart/form-data with the same fields (reporter as reporter_name, reporter_phone, ' +
        'reporter_email) and up to 3 image files named `photos` (10 MB each). A retried request with ' +
        'the same Idempotency-Key returns the report the first one created (200) instead of a new one. ' +
        'Bursts from one device (X-Device-Id) or one network address are held for a moderator; abusive ' +
        'rates are refused with 429 TOO_MANY_REQUESTS and Retry-After.',
      headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String()), ...DeviceIdHeaders.properties }),
      body: {
        content: {
          'application/json': { schema: ReportSubmission },
          'multipart/form-data': { schema: Type.Any() },
        },
      } as never,
      response: { 200: SubmittedReport, 201: SubmittedReport, 429: ErrorResponse, ...errors },
    },
  }, async (request, reply) => {
    const idempotencyKey = checkIdempotencyKey(request.headers['idempotency-key'] as string | undefined);
    const { fields, uploads } = request.isMultipart()
      ? await readMultipartSubmission(request)
      : { fields: request.body as ReportSubmission, uploads: [] as Buffer[] };
    if (uploads.length > maxPhotos) {
      throw appError('TOO_MANY_PHOTOS');
    }
    const photos = await processPhotos(uploads);

    const source = writeSourceOf(request);
    const result = await submitReport(request.tx, photosDir, {
      fields, photos, uploads, idempotencyKey, channel: 'web',
      duplicates: { radiusM: app.config.duplicateRadiusM, windowDays: app.config.duplicateWindowDays },
      sourceHash: source.device,
      addressHash: source.address,
      moderation: {
        moderateAll: app.config.moderateAll, burstLimit: app.config.sourceBurstLimit, addressBurstLimit: app.config.addressBurstLimit,
      },
    });
    const report = await findPublicReport(request.tx, result.code, 'sender');
    if (!report) throw new Error(`report ${result.code} vanished after submission`);
    reply
      .status(result.replayed ? 200 : 201)
      .header('location', `/api/reports/${result.code}`)
      .header('idempotent-replayed', String(result.replayed));
    return { ...report, resident_token: result.residentToken, possible_duplicates: result.possibleDuplicates };
  });

  app.get('/api/reports/:code', {
    schema: {
      tags: ['reports'],
      summary: 'The public view of one report (no personal data)',
      description: 'With X-Resident-Token, the sender also sees their report while it is held for moderation ' +
        'or after it is rejected; a wrong token is answered exactly as an unknown code (404).',
      params: Type.Object({ code: Type.String({ maxLength: 40 }) }),
      headers: Type.Object({
        'x-resident-token': Type.Optional(Type.String({
          minLength: 10, maxLength: 100, description: 'The resident_token answered when the report was sent',
        })),
      }),
      response: { 200: PublicReport, ...errors },
    },
  }, async (request, reply) => {
    const code = normaliseTrackingCode(request.params.code);
    if (!new RegExp(trackingCodePattern).test(code)) {
      throw appError('INVALID_TRACKING_CODE');
    }
    const residentToken = request.headers['x-resident-token'];
    if (residentToken !== undefined) {
      // Read from the primary: the sender often asks moments after sending. Kept out of shared
      // caches, since the answer depends on the token.
      reply.header('cache-control', 'private, no-store').header('vary', 'X-Resident-Token');
      const forSender = await findReportForSender(app.db, code, residentToken);
      if (forSender) return forSender;
    }
    const readDb = await publicReadDb(app, request, reply);
    let report = await findPublicReport(readDb, code);
    // A link opened on another device moments after submission: the replica may lag behind.
    if (!report && readDb !== app.db) {
      report = await findPublicReport(app.db, code);
      reply.header('x-read-from', 'primary');
    }
    if (!report) throw appError('REPORT_NOT_FOUND', { code });
    return report;
  });

  app.get('/api/reports', {
    schema: {
      tags: ['reports'],
      summary: 'Public reports as GeoJSON, newest first, with cursor paging',
      querystring: ReportListQuery,
      response: {
        200: { description: 'A FeatureCollection of points', content: { 'application/geo+json': { schema: PublicReportPage } } },
        ...errors,
      },
    },
  }, async (request, reply) => {
    const page = await listPublicReports(await publicReadDb(app, request, reply), request.query);
    return reply.type('application/geo+json').send(page);
  });
};
