import type { FastifyInstance } from 'fastify';
import type { Queryable } from '../db/database.ts';
import { createStaff, type NewStaff } from '../staff/create.ts';

export interface SignedIn {
  cookie: string;
  csrf: string;
  /** Headers for a state-changing request as this staff member. */
  headers: { cookie: string; 'x-csrf-token': string };
}

/** Creates a staff account and signs it in through the real login route. */
export async function signIn(app: FastifyInstance, db: Queryable, s: Partial<NewStaff> & { role: string }): Promise<SignedIn> {
  const email = s.email ?? `${s.role}.${Math.random().toString(36).slice(2, 8)}@petawarga.test`;
  const password = s.password ?? 'kata-sandi-uji-123';
  await createStaff(db, { name: s.role, ...s, email, password });
  const res = await app.inject({ method: 'POST', url: '/api/staff/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  const cookie = String(res.headers['set-cookie']).split(';')[0];
  const csrf = res.json().csrf_token;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}
