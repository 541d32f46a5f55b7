import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { appError } from '../http/error-catalogue.ts';
import { verifyPassword } from './passwords.ts';
import {
  deleteSession, findStaffForLogin, insertSession, recordFailedLogin, recordSuccessfulLogin,
} from './queries.ts';
import { newToken, requireStaff, sessionCookie, sessionHours, tokenHash } from './sessions.ts';
import { roles } from './queries.ts';
import { errorResponses } from '../http/responses.ts';

const StaffView = Type.Object({
  id: Type.Integer(), email: Type.String(), name: Type.String(), role: Type.String(),
  department_code: Type.Union([Type.String(), Type.Null()]),
  kelurahan_code: Type.Union([Type.String(), Type.Null()]),
});

export const staffRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const secureCookie = app.config.publicBaseUrl.startsWith('https:');

  app.post('/api/staff/login', {
    config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: {
      tags: ['staff'],
      summary: 'Sign in; sets an httpOnly session cookie and returns the CSRF token for later writes',
      body: Type.Object({
        email: Type.String({ maxLength: 254, minLength: 3 }),
        password: Type.String({ maxLength: 200, minLength: 1 }),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ staff: StaffView, csrf_token: Type.String() }), ...errorResponses(400, 401, 429, 500, 503) },
    },
  }, async (request, reply) => {
    const account = await findStaffForLogin(request.tx, request.body.email);
    // Same answer and similar time for an unknown e-mail and a wrong password.
    if (!account || !account.is_active) {
      await verifyPassword('$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$0000000000000000000000000000000000000000000', request.body.password);
      throw appError('INVALID_CREDENTIALS');
    }
    if (account.locked) throw appError('ACCOUNT_LOCKED');
    if (!(await verifyPassword(account.password_hash, request.body.password))) {
      // Outside the request's transaction on purpose: the refusal rolls that back, the count stays.
      await recordFailedLogin(app.db, account.id);
      throw appError('INVALID_CREDENTIALS');
    }
    await recordSuccessfulLogin(request.tx, account.id);
    const token = newToken();
    const csrfToken = newToken();
    await insertSession(request.tx, { tokenHash: tokenHash(token), staffId: account.id, csrfToken, hours: sessionHours });
    reply.setCookie(sessionCookie, token, {
      httpOnly: true, sameSite: 'strict', secure: secureCookie, path: '/', maxAge: sessionHours * 3600,
    });
    const { password_hash: _h, is_active: _a, locked: _l, ...staff } = account;
    return { staff, csrf_token: csrfToken };
  });

  app.post('/api/staff/logout', {
    schema: {
      tags: ['staff'],
      summary: 'Sign out (ends the session)',
      response: { 204: Type.Null({ description: 'Signed out (also when no session was open)' }), ...errorResponses(500, 503) },
    },
  }, async (request, reply) => {
    const token = request.cookies[sessionCookie];
    if (token) await deleteSession(request.tx, tokenHash(token));
    reply.clearCookie(sessionCookie, { path: '/' }).status(204);
    return null;
  });

  app.get('/api/staff/me', {
    preHandler: requireStaff(app.db, roles),
    schema: { tags: ['staff'], summary: 'The signed-in staff member', response: { 200: StaffView, ...errorResponses(401, 500, 503) } },
  }, async (request) => request.staff!);
};
