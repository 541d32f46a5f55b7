import path from 'node:path';
import { type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { appError } from '../http/error-catalogue.ts';
import { normaliseTrackingCode } from '../reference/tracking-code.ts';
import type { Role } from '../staff/queries.ts';
import { reportScope } from '../staff/scope.ts';
import { requireStaff } from '../staff/sessions.ts';
import { fileIntake } from './intake.ts';
import { searchKelurahan } from './kelurahan-search.ts';
import { findReceipt } from './receipt.ts';
import { CodeParams, errors, IntakeBody, IntakeResult, KelurahanHit, KelurahanSearchQuery, Receipt } from './schemas.ts';

const intakeRoles: readonly Role[] = ['admin', 'moderator', 'department_officer', 'kelurahan_officer'];

/** "Ruang Rakyat": phone and walk-in intake, the kelurahan search it uses and its receipt. */
export const intakeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const staffOnly = requireStaff(app.db, intakeRoles);

  app.get('/api/console/kelurahan-search', {
    preHandler: staffOnly,
    schema: {
      tags: ['console'],
      summary: 'Find a kelurahan by name, forgiving typos (for intake without a map pin)',
      querystring: KelurahanSearchQuery,
      response: { 200: Type.Object({ kelurahan: Type.Array(KelurahanHit) }), ...errors },
    },
  }, async (request) => ({ kelurahan: await searchKelurahan(app.db, request.query.q, request.query.limit) }));

  app.post('/api/console/intake', {
    preHandler: staffOnly,
    schema: {
      tags: ['console'],
      summary: 'File a report for a resident who phoned or walked in',
      description: 'The reporter\'s contact stays private. The answer carries the tracking code and the receipt page to print.',
      body: IntakeBody,
      response: { 201: IntakeResult, ...errors },
    },
  }, async (request, reply) => {
    const body = request.body;
    const result = await fileIntake(request.tx, request.staff!, body, {
      photosDir: path.join(app.config.dataDir, 'photos'),
      duplicates: { radiusM: app.config.duplicateRadiusM, windowDays: app.config.duplicateWindowDays },
      moderateAll: app.config.moderateAll,
    });
    reply.status(201);
    return {
      code: result.code,
      status: result.status,
      resident_token: result.residentToken,
      receipt_path: `/console/receipt/${result.code}`,
      public_path: `/r/${result.code}`,
      location_is_approximate: result.locationIsApproximate,
      possible_duplicates: result.possibleDuplicates,
    };
  });

  app.get('/api/console/receipts/:code', {
    preHandler: staffOnly,
    schema: {
      tags: ['console'],
      summary: 'What the printed receipt of a report shows (no personal data)',
      params: CodeParams,
      response: { 200: Receipt, ...errors },
    },
  }, async (request) => {
    const code = normaliseTrackingCode(request.params.code);
    const receipt = await findReceipt(app.db, request.staff!, reportScope(request.staff!), code);
    if (!receipt) throw appError('REPORT_NOT_FOUND', { code });
    return receipt;
  });
};
