import { type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../http/responses.ts';
import { requireStaff } from '../staff/sessions.ts';
import { departmentService } from './queries.ts';

const Nullable = <T extends ReturnType<typeof Type.Number>>(t: T) => Type.Union([t, Type.Null()]);

export const DepartmentServiceRow = Type.Object({
  code: Type.String(), name: Type.String(), short_name: Type.String(),
  city_name: Type.Union([Type.String(), Type.Null()]),
  open: Type.Integer({ description: 'Waiting for the city now: published, assigned or in progress' }),
  overdue: Type.Integer({ description: 'Of the open reports, those past their deadline now' }),
  median_days_to_resolve: Nullable(Type.Number({ description: 'Median days from submission to resolution, reports of the period' })),
  resolved: Type.Integer({ description: 'Reports of the period resolved so far' }),
  on_time_rate: Nullable(Type.Number({
    minimum: 0, maximum: 1,
    description: 'Reports of the period resolved by their deadline, over those resolved or open past it (as deadlines/on-time.ts)',
  })),
});

export const DepartmentServiceView = Type.Object({
  days: Type.Integer(),
  departments: Type.Array(DepartmentServiceRow),
});

/** The per-department service view for supervisors and admins (console: /console/service). */
export const serviceViewRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const desk = requireStaff(app.db, ['admin', 'moderator', 'department_officer', 'kelurahan_officer']);

  app.get('/api/service/departments', {
    preHandler: desk,
    schema: {
      tags: ['deadlines'],
      summary: 'Per department: open and overdue reports now; median days to resolve and share on time over the last days (staff)',
      querystring: Type.Object({
        days: Type.Integer({ minimum: 1, maximum: 366, default: 90, description: 'The period: reports submitted in the last N days' }),
      }, { additionalProperties: false }),
      response: { 200: DepartmentServiceView, ...errorResponses(400, 401, 403, 500, 503) },
    },
  }, async (request) => ({
    days: request.query.days,
    departments: await departmentService(app.db, { days: request.query.days }),
  }));
};
