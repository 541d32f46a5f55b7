import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { appError } from '../http/error-catalogue.ts';
import { verifyAgainstNobody, verifyPassword } from './passwords.ts';
import { deleteSession, findSession, findStaffForLogin, insertSession, roles } from './queries.ts';
import { newToken, requireStaff, sessionCookie, sessionHours, tokenHash } from './sessions.ts';
import { forgetPair, recordFailure, secondsBlocked } from './throttle.ts';
import { errorResponses } from '../http/responses.ts';

const StaffView = Type.Object({
  id: Type.Integer(), email: Type.String(), name: Type.String(), role: Type.String(),
  department_code: Type.Union([Type.String(), Type.Null()]),
  kelurahan_code: Type.Union([Type.String(), Type.Null()]),
});
const SessionView = Type.Object({ staff: StaffView, csrf_token: Type.String() });

export const staffRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const secureCookie = app.config.publicBaseUrl.startsWith('https:');

  app.post('/api/staff/login', {
    config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: {
      tags: ['staff'],
      summary: 'Sign in; sets an httpOnly session cookie and returns the CSRF token for later writes',
      description: 'An unknown e-mail, an inactive account and a wrong password get the same 401 ' +
        'INVALID_CREDENTIALS. After repeated failures from one address (for one e-mail, or for any) ' +
        'that address waits: 429 SIGN_IN_THROTTLED with Retry-After, whichever e-mail is tried.',
      body: Type.Object({
        email: Type.String({ maxLength: 254, minLength: 3 }),
        password: Type.String({ maxLength: 200, minLength: 1 }),
      }, { additionalProperties: false }),
      response: { 200: SessionView, ...errorResponses(400, 401, 429, 500, 503) },
    },
  }, async (request, reply) => {
    const { email, password } = request.body;
    // Everything up to the session on app.db, before the request's transaction opens: the count
    // of a refusal must outlive that transaction's rollback, and the embedded database (one
    // connection) could not serve app.db while the transaction held it.
    const wait = await secondsBlocked(app.db, request.ip, email);
    if (wait > 0) {
      reply.header('retry-after', String(wait));
      throw appError('SIGN_IN_THROTTLED');
    }
    const account = await findStaffForLogin(app.db, email);
    // Same answer, same work (one argon2 check, one count) for an unknown e-mail and a wrong password.
    const verified = account ? await verifyPassword(account.password_hash, password) : await verifyAgainstNobody(password);
    if (!account || !verified) {
      await recordFailure(app.db, request.ip, email);
      throw appError('INVALID_CREDENTIALS');
    }
    await forgetPair(app.db, request.ip, email);
    const token = newToken();
    const csrfToken = newToken();
    await insertSession(request.tx, { tokenHash: tokenHash(token), staffId: account.id, csrfToken, hours: sessionHours });
    reply.setCookie(sessionCookie, token, {
      httpOnly: true, sameSite: 'strict', secure: secureCookie, path: '/', maxAge: sessionHours * 3600,
    });
    const { password_hash: _h, ...staff } = account;
    return { staff, csrf_token: csrfToken };
  });

  app.post('/api/staff/logout', {
    // The session's CSRF token too: another site must not be able to sign an officer out.
    preHandler: requireStaff(app.db, roles),
    schema: {
      tags: ['staff'],
      summary: 'Sign out (ends the session); needs x-csrf-token',
      response: { 204: Type.Null({ description: 'Signed out' }), ...errorResponses(401, 403, 500, 503) },
    },
  }, async (request, reply) => {
    await deleteSession(request.tx, tokenHash(request.cookies[sessionCookie]!));
    reply.clearCookie(sessionCookie, { path: '/' }).status(204);
    return null;
  });

  app.get('/api/staff/me', {
    preHandler: requireStaff(app.db, roles),
    schema: { tags: ['staff'], summary: 'The signed-in staff member', response: { 200: StaffView, ...errorResponses(401, 500, 503) } },
  }, async (request) => request.staff!);

  // The console keeps the CSRF token in memory only (nothing a script injected later could read
  // back from storage) and asks for it again here after a reload. Another site cannot read this
  // answer: no CORS, and the cookie is SameSite=Strict.
  app.get('/api/staff/session', {
    schema: {
      tags: ['staff'], summary: 'The signed-in staff member and the session\'s CSRF token',
      response: { 200: SessionView, ...errorResponses(401, 500, 503) },
    },
  }, async (request, reply) => {
    const token = request.cookies[sessionCookie];
    const session = token ? await findSession(app.db, tokenHash(token)) : undefined;
    if (!session) throw appError('NOT_SIGNED_IN');
    reply.header('cache-control', 'no-store');
    const { csrf_token, ...staff } = session;
    return { staff, csrf_token };
  });
};
