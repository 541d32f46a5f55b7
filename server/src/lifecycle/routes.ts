import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse } from '../http/app-error.ts';
import { normaliseTrackingCode } from '../reference/tracking-code.ts';
import { DeviceIdHeaders } from '../rate-limit/client.ts';
import { limitPublicWrites } from '../rate-limit/public-writes.ts';
import { requireStaff } from '../staff/sessions.ts';
import { changeStatus } from './change-status.ts';
import { correctReport } from './edit.ts';
import { mergeDuplicate } from './merge.ts';
import { reopenReport } from './reopen.ts';
import { supportReport } from './support.ts';

const CodeParams = Type.Object({ code: Type.String({ maxLength: 40 }) });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };
const publicWriteErrors = { ...errors, 429: ErrorResponse };
const Note = Type.String({ minLength: 1, maxLength: 2000 });

// Each change is one transaction (http/write-transaction.ts); the map's tiles and the reporter's
// notices follow from its commit (tile notifications and the outbox, db/functions).

export const lifecycleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const staffOnly = requireStaff(app.db, ['admin', 'moderator', 'department_officer', 'kelurahan_officer']);

  app.post('/api/reports/:code/status', {
    preHandler: staffOnly,
    schema: {
      tags: ['lifecycle'],
      summary: 'Change the status of a report (staff)',
      description: 'Refused with 409 INVALID_TRANSITION (and the allowed targets) when the lifecycle does not allow it.',
      params: CodeParams,
      body: Type.Object({
        to: Type.Union(['published', 'rejected', 'assigned', 'in_progress', 'resolved', 'closed'].map((s) => Type.Literal(s))),
        reason: Type.Optional(Note),
        response: Type.Optional(Note),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ ok: Type.Boolean() }), ...errors },
    },
  }, async (request) => {
    const { to, reason, response } = request.body;
    await changeStatus(request.tx, request.staff!, {
      code: normaliseTrackingCode(request.params.code), to: to as never, reason, response,
    });
    return { ok: true };
  });

  app.patch('/api/reports/:code', {
    preHandler: staffOnly,
    schema: {
      tags: ['lifecycle'],
      summary: 'Correct text, category or location (staff); routing runs again and is audited',
      params: CodeParams,
      body: Type.Object({
        description: Type.Optional(Type.String({ minLength: 10, maxLength: 2000 })),
        category: Type.Optional(Type.String({ pattern: '^[a-z_]{2,40}$' })),
        lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
        lon: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
        reason: Note,
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ ok: Type.Boolean() }), ...errors },
    },
  }, async (request) => {
    await correctReport(request.tx, request.staff!, { code: normaliseTrackingCode(request.params.code), ...request.body });
    return { ok: true };
  });

  app.post('/api/reports/:code/merge', {
    preHandler: staffOnly,
    schema: {
      tags: ['lifecycle'],
      summary: 'Merge this report into another as its duplicate (staff)',
      params: CodeParams,
      body: Type.Object({ into: Type.String({ maxLength: 40 }), reason: Type.Optional(Note) }, { additionalProperties: false }),
      response: { 200: Type.Object({ ok: Type.Boolean() }), ...errors },
    },
  }, async (request) => {
    await mergeDuplicate(request.tx, request.staff!, {
      childCode: normaliseTrackingCode(request.params.code), parentCode: normaliseTrackingCode(request.body.into),
      reason: request.body.reason,
    });
    return { ok: true };
  });

  app.post('/api/reports/:code/reopen', {
    onRequest: limitPublicWrites(app, 'reopen'),
    schema: {
      tags: ['lifecycle'],
      summary: 'The reporter reopens a resolved report, within the reopen window',
      params: CodeParams,
      headers: DeviceIdHeaders,
      body: Type.Object({ resident_token: Type.String({ minLength: 10, maxLength: 100 }), reason: Note }, { additionalProperties: false }),
      response: { 200: Type.Object({ ok: Type.Boolean() }), ...publicWriteErrors },
    },
  }, async (request) => {
    await reopenReport(request.tx, {
      code: normaliseTrackingCode(request.params.code), residentToken: request.body.resident_token,
      reason: request.body.reason, windowDays: app.config.reopenWindowDays,
    });
    return { ok: true };
  });

  app.post('/api/reports/:code/support', {
    onRequest: limitPublicWrites(app, 'support'),
    schema: {
      tags: ['lifecycle'],
      summary: 'Support (+1) an open report instead of filing the same problem again',
      params: CodeParams,
      headers: DeviceIdHeaders,
      response: { 200: Type.Object({ support_count: Type.Integer(), counted: Type.Boolean() }), ...publicWriteErrors },
    },
  }, async (request) => supportReport(request.tx, normaliseTrackingCode(request.params.code), {
    ip: request.ip, userAgent: String(request.headers['user-agent'] ?? ''),
  }));
};
