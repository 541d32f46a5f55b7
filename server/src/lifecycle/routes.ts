import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse } from '../http/app-error.ts';
import { normaliseTrackingCode } from '../reference/tracking-code.ts';
import { DeviceIdHeaders } from '../rate-limit/client.ts';
import { limitPublicWrites } from '../rate-limit/public-writes.ts';
import { requireStaff } from '../staff/sessions.ts';
import { publicReadDb } from '../db/read-your-writes.ts';
import { findPossibleDuplicates, PossibleDuplicate } from './possible-duplicates.ts';
import { changeStatus } from './change-status.ts';
import { confirmFixed } from './confirm-fixed.ts';
import { correctReport } from './edit.ts';
import { mergeDuplicate } from './merge.ts';
import { reopenReport } from './reopen.ts';
import { supportReport } from './support.ts';
import { transitions, type Status } from './transitions.ts';

const CodeParams = Type.Object({ code: Type.String({ maxLength: 40 }) });
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse, 422: ErrorResponse };
const publicWriteErrors = { ...errors, 429: ErrorResponse };
const Note = Type.String({ minLength: 1, maxLength: 2000 });
/** Every status a staff member can move a report to (lifecycle/transitions.ts). */
const staffTargets = [...new Set(transitions.map((t) => t.to))];
const ResidentToken = Type.String({ minLength: 10, maxLength: 100, description: 'The token answered with the tracking code' });

// Each change is one transaction (http/write-transaction.ts); the map's tiles and the reporter's
// notices follow from its commit (tile notifications and the outbox, db/functions).

export const lifecycleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const staffOnly = requireStaff(app.db, ['admin', 'moderator', 'department_officer', 'kelurahan_officer']);

  app.post('/api/reports/:code/status', {
    preHandler: staffOnly,
    schema: {
      tags: ['lifecycle'],
      summary: 'Change the status of a report (staff)',
      description: 'Refused with 409 INVALID_TRANSITION (and the allowed targets) when the lifecycle does not allow it. ' +
        'resolved, referred, cannot_fix and no_action_needed need a public `response` (400 RESPONSE_REQUIRED); ' +
        'referred also the `agency` it goes to (400 AGENCY_REQUIRED); rejected and cannot_fix a `reason` (400 REASON_REQUIRED).',
      params: CodeParams,
      body: Type.Object({
        to: Type.Union(staffTargets.map((s) => Type.Literal(s))),
        reason: Type.Optional(Note),
        response: Type.Optional(Note),
        agency: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'The agency a report is referred to, by name' })),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ ok: Type.Boolean() }), ...errors },
    },
  }, async (request) => {
    const { to, reason, response, agency } = request.body;
    await changeStatus(request.tx, request.staff!, {
      code: normaliseTrackingCode(request.params.code), to: to as Status, reason, response, agency,
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
      body: Type.Object({ resident_token: ResidentToken, reason: Note }, { additionalProperties: false }),
      response: { 200: Type.Object({ ok: Type.Boolean() }), ...publicWriteErrors },
    },
  }, async (request) => {
    await reopenReport(request.tx, {
      code: normaliseTrackingCode(request.params.code), residentToken: request.body.resident_token,
      reason: request.body.reason, windowDays: app.config.reopenWindowDays,
    });
    return { ok: true };
  });

  app.post('/api/reports/:code/confirm-fixed', {
    onRequest: limitPublicWrites(app, 'confirm-fixed'),
    schema: {
      tags: ['lifecycle'],
      summary: 'The reporter confirms that a resolved report is fixed: it is closed',
      params: CodeParams,
      headers: DeviceIdHeaders,
      body: Type.Object({ resident_token: ResidentToken }, { additionalProperties: false }),
      response: { 200: Type.Object({ ok: Type.Boolean() }), ...publicWriteErrors },
    },
  }, async (request) => {
    await confirmFixed(request.tx, {
      code: normaliseTrackingCode(request.params.code), residentToken: request.body.resident_token,
    });
    return { ok: true };
  });

  app.get('/api/reports/nearby', {
    schema: {
      tags: ['lifecycle'],
      summary: 'Open reports of a category near a point, before sending a new one (at most 10, nearest first)',
      description: 'The same search a submission answers with as possible_duplicates: within DUPLICATE_RADIUS_M ' +
        'metres and DUPLICATE_WINDOW_DAYS days. A resident who finds their problem here supports it (+1) instead.',
      querystring: Type.Object({
        lat: Type.Number({ minimum: -90, maximum: 90 }),
        lon: Type.Number({ minimum: -180, maximum: 180 }),
        category: Type.String({ pattern: '^[a-z_]{2,40}$' }),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ reports: Type.Array(PossibleDuplicate, { maxItems: 10 }) }), 400: ErrorResponse },
    },
  }, async (request, reply) => ({
    // From the replica, unless this client has just written (a +1 it must see counted).
    reports: await findPossibleDuplicates(await publicReadDb(app, request, reply), {
      ...request.query, radiusM: app.config.duplicateRadiusM, windowDays: app.config.duplicateWindowDays,
    }),
  }));

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
