import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { findSession, type Role, type Staff } from './queries.ts';

export const sessionCookie = 'pw_session';
export const sessionHours = 12;

export const newToken = () => randomBytes(32).toString('base64url');
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export const notSignedIn = () =>
  new AppError(401, 'NOT_SIGNED_IN', { id: 'Silakan masuk sebagai petugas.', en: 'Please sign in as staff.' });

export const forbidden = () =>
  new AppError(403, 'FORBIDDEN', {
    id: 'Akun Anda tidak berwenang untuk tindakan ini.',
    en: 'Your account is not allowed to do this.',
  });

const badCsrf = () =>
  new AppError(403, 'CSRF_TOKEN_INVALID', {
    id: 'Token keamanan (CSRF) tidak ada atau salah. Muat ulang halaman.',
    en: 'The security (CSRF) token is missing or wrong. Reload the page.',
  });

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
    if (!token) throw notSignedIn();
    const session = await findSession(db, tokenHash(token));
    if (!session) throw notSignedIn();
    if (!allowed.includes(session.role)) throw forbidden();
    if (!safeMethods.has(request.method) && request.headers['x-csrf-token'] !== session.csrf_token) throw badCsrf();
    const { csrf_token: _csrf, ...staff } = session;
    request.staff = staff;
  };
}
