import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.ts';
import { appError } from '../http/error-catalogue.ts';
import { findSession, type Role, type Staff } from './queries.ts';

export const sessionCookie = 'pw_session';
export const sessionHours = 12;

export const newToken = () => randomBytes(32).toString('base64url');
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

declare module 'fastify' {
  interface FastifyRequest {
    staff?: Staff;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A preHandler that admits a signed-in staff member with one of the roles. State-changing
 * requests must also carry the session's CSRF token in `x-csrf-token` (synchronizer-token
 * pattern): a cross-site form can send the cookie but cannot read the token.
 */
export function requireStaff(db: Database, allowed: readonly Role[]) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const token = request.cookies[sessionCookie];
    if (!token) throw appError('NOT_SIGNED_IN');
    const session = await findSession(db, tokenHash(token));
    if (!session) throw appError('NOT_SIGNED_IN');
    if (!allowed.includes(session.role)) throw appError('FORBIDDEN');
    if (!safeMethods.has(request.method) && request.headers['x-csrf-token'] !== session.csrf_token) throw appError('CSRF_TOKEN_INVALID');
    const { csrf_token: _csrf, ...staff } = session;
    request.staff = staff;
  };
}
