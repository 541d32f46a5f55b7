import { type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { appError } from '../http/error-catalogue.ts';
import { errorResponses } from '../http/responses.ts';
import { requireStaff } from '../staff/sessions.ts';
import { listSupervisors, setDepartmentSupervisor, setKelurahanSupervisor } from './contacts.ts';
import { DepartmentSupervisor, KelurahanSupervisor, SupervisorChange, Supervisors } from './schemas.ts';

const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 40 }) });

/** Supervisor contacts (admin): who is told when a department's or kelurahan's report is overdue. */
export const supervisorRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const admin = requireStaff(app.db, ['admin']);

  app.get('/api/admin/supervisors', {
    preHandler: admin,
    schema: {
      tags: ['staff'],
      summary: 'Supervisor e-mail of every department and kelurahan (admin)',
      response: { 200: Supervisors, ...errorResponses(401, 403, 500, 503) },
    },
  }, async () => listSupervisors(app.db));

  app.patch('/api/admin/supervisors/departments/:code', {
    preHandler: admin,
    schema: {
      tags: ['staff'],
      summary: "Set or remove a department's supervisor e-mail (admin)",
      params: CodeParams,
      body: SupervisorChange,
      response: { 200: DepartmentSupervisor, ...errorResponses(400, 401, 403, 422, 500, 503) },
    },
  }, async (request) => {
    const row = await setDepartmentSupervisor(request.tx, request.params.code, request.body.supervisor_email);
    if (!row) throw appError('UNKNOWN_DEPARTMENT', { department: request.params.code });
    return row;
  });

  app.patch('/api/admin/supervisors/kelurahan/:code', {
    preHandler: admin,
    schema: {
      tags: ['staff'],
      summary: "Set or remove a kelurahan's supervisor e-mail (admin)",
      params: CodeParams,
      body: SupervisorChange,
      response: { 200: KelurahanSupervisor, ...errorResponses(400, 401, 403, 422, 500, 503) },
    },
  }, async (request) => {
    const row = await setKelurahanSupervisor(request.tx, request.params.code, request.body.supervisor_email);
    if (!row) throw appError('UNKNOWN_KELURAHAN', { code: request.params.code });
    return row;
  });
};
