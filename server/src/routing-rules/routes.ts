import { type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { sql } from '../db/database.ts';
import { appError } from '../http/error-catalogue.ts';
import { routeReport } from './route-report.ts';
import { ErrorResponse } from '../http/app-error.ts';
import { requireStaff } from '../staff/sessions.ts';
import { reroute } from './reroute.ts';
import { createRule, deleteRule, listRules, ruleEvents, updateRule } from './rules.ts';
import { DraftEffect, NewRule, Rule, RuleEvent, RulePatch } from './schemas.ts';
import { previewDraftRule } from './draft-preview.ts';
import { RuleAreas, ruleAreas } from './areas.ts';
import { RoutingExplanation } from './explanation.ts';
import { errorResponses } from '../http/responses.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 422: ErrorResponse };
// Rule ids are bigint in the database and numbers here: no id is above 2^53 − 1.
const RuleId = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
const IdParams = Type.Object({ id: RuleId });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

const Preview = Type.Object({
  city_code: Type.String(), kecamatan_code: Type.String(), kelurahan_code: Type.String(), department_code: Type.String(),
  department: Type.Object({
    code: Type.String(), name: Type.String(), short_name: Type.String(), level: Type.String(), city_code: Nullable(Type.String()),
  }),
  responsible_unit: Nullable(Type.String()),
  handling_kelurahan_code: Nullable(Type.String({ description: 'The kelurahan whose desk would handle it, when a rule names one' })),
  routing_explanation: Type.Object(RoutingExplanation.properties, { additionalProperties: true, description: 'Exactly what reports.routing_explanation would hold' }),
});

const RerouteResult = Type.Object({
  dry_run: Type.Boolean(),
  count: Type.Integer(),
  reports: Type.Array(Type.Object({
    report_id: Type.Integer(), code: Type.String(), lon: Type.Number(), lat: Type.Number(),
    old_department: Type.String(), new_department: Type.String(),
    old_handling_kelurahan: Nullable(Type.String()), new_handling_kelurahan: Nullable(Type.String()), rule: Type.String(),
    rule_id: Type.Union([Type.Integer(), Type.Null()]), event_id: Type.Union([Type.Integer(), Type.Null()]),
  })),
});

/**
 * Routing rules: who receives a report, and why. Reading and previewing is for any staff, so
 * officers can see why a report reached them; changing rules and re-routing open reports is
 * for admins (moderators may ask for a dry run).
 */
export const routingRuleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const anyStaff = requireStaff(app.db, ['admin', 'moderator', 'department_officer', 'kelurahan_officer', 'planner']);
  const admin = requireStaff(app.db, ['admin']);
  const adminOrModerator = requireStaff(app.db, ['admin', 'moderator']);
  const actor = (staff?: { id: number }) => `staff:${staff!.id}`;

  app.post('/api/routing/preview', {
    preHandler: anyStaff,
    schema: {
      tags: ['routing'],
      summary: 'Who would receive a report of this category at this point, and why (staff; stores nothing)',
      description: 'Runs the same routing as a submitted report (routing-rules/route-report.ts), so the explanation is exactly what the report would store.',
      body: Type.Object({
        lat: Type.Number({ minimum: -90, maximum: 90 }),
        lon: Type.Number({ minimum: -180, maximum: 180 }),
        category: Type.String({ pattern: '^[a-z_]{2,40}$' }),
      }, { additionalProperties: false }),
      response: { 200: Preview, ...errors },
    },
  }, async (request) => {
    const { lat, lon, category } = request.body;
    const [known] = await app.db.query(sql`SELECT 1 FROM categories WHERE code = ${category}`);
    if (!known) {
      throw appError('UNKNOWN_CATEGORY', { categories: [category] });
    }
    const routing = await routeReport(app.db, lon, lat, category);
    const [department] = await app.db.query<{ code: string; name: string; short_name: string; level: string; city_code: string | null }>(sql`
      SELECT code, name, short_name, level, city_code FROM departments WHERE code = ${routing.departmentCode}`);
    const explained = routing.explanation.department as { responsible_unit?: string };
    return {
      city_code: routing.cityCode,
      kecamatan_code: routing.kecamatanCode,
      kelurahan_code: routing.kelurahanCode,
      department_code: routing.departmentCode,
      department,
      responsible_unit: explained.responsible_unit ?? null,
      handling_kelurahan_code: routing.handlingKelurahanCode ?? null,
      routing_explanation: routing.explanation,
    };
  });

  app.get('/api/routing/rules', {
    preHandler: anyStaff,
    schema: {
      tags: ['routing'],
      summary: 'Routing rules in the order they are tried (staff)',
      response: { 200: Type.Object({ rules: Type.Array(Rule) }), ...errorResponses(401, 403, 500, 503) },
    },
  }, async () => ({ rules: await listRules(app.db) }));

  app.get('/api/routing/areas', {
    preHandler: anyStaff,
    schema: {
      tags: ['routing'],
      summary: 'Names of the kelurahan and kecamatan an area rule may name (staff)',
      response: { 200: RuleAreas, ...errorResponses(401, 403, 500, 503) },
    },
  }, async () => ruleAreas(app.db));

  app.post('/api/routing/rules', {
    preHandler: admin,
    schema: {
      tags: ['routing'],
      summary: 'Create a routing rule (admin); applies to new reports, see /api/routing/reroute for open ones',
      body: NewRule,
      response: { 201: Rule, ...errors },
    },
  }, async (request, reply) => {
    const rule = await createRule(request.tx, request.body, actor(request.staff));
    reply.status(201).header('location', `/api/routing/rules/${rule.id}`);
    return rule;
  });

  app.post('/api/routing/rules/preview', {
    preHandler: admin,
    schema: {
      tags: ['routing'],
      summary: 'Which reports a draft rule would move to another desk, before it is saved (admin; stores nothing)',
      description: 'The body is a rule as POST /api/routing/rules takes it; with `replaces`, it is the new version of that rule. '
        + 'Judges the open reports and those of the last 90 days with the draft among the saved rules and lists those whose '
        + 'department would change because of it (draft-preview.ts). Refuses what saving would refuse, with the same codes.',
      querystring: Type.Object({ replaces: Type.Optional(RuleId) }),
      body: NewRule,
      response: { 200: DraftEffect, ...errors },
    },
  }, async (request) => previewDraftRule(request.tx, request.body, { replaces: request.query.replaces, actor: actor(request.staff) }));

  app.patch('/api/routing/rules/:id', {
    preHandler: admin,
    schema: { tags: ['routing'], summary: 'Change a routing rule (admin)', params: IdParams, body: RulePatch, response: { 200: Rule, ...errors } },
  }, async (request) => updateRule(request.tx, request.params.id, request.body, actor(request.staff)));

  app.delete('/api/routing/rules/:id', {
    preHandler: admin,
    schema: { tags: ['routing'], summary: 'Delete a routing rule (admin); its history stays', params: IdParams, response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    await deleteRule(request.tx, request.params.id, actor(request.staff));
    reply.status(204);
    return null;
  });

  app.get('/api/routing/rules/events', {
    preHandler: adminOrModerator,
    schema: {
      tags: ['routing'],
      summary: 'Audit trail of rule changes, newest first (admin, moderator)',
      querystring: Type.Object({ rule_id: Type.Optional(RuleId) }),
      response: { 200: Type.Object({ events: Type.Array(RuleEvent, { description: 'At most 500' }) }), ...errorResponses(400, 401, 403, 500, 503) },
    },
  }, async (request) => ({ events: await ruleEvents(app.db, request.query.rule_id) }));

  app.post('/api/routing/reroute', {
    preHandler: adminOrModerator,
    schema: {
      tags: ['routing'],
      summary: 'List (dry_run) or move the open reports whose department or kelurahan desk the current rules would change',
      description: 'A dry run is open to moderators; applying is for admins. Applying records a public "rerouted" event on each moved report.',
      body: Type.Object({ dry_run: Type.Boolean() }, { additionalProperties: false }),
      response: { 200: RerouteResult, ...errors },
    },
  }, async (request) => {
    if (!request.body.dry_run && request.staff!.role !== 'admin') throw appError('FORBIDDEN');
    return reroute(request.tx, { dryRun: request.body.dry_run, actor: actor(request.staff) });
  });
};
