import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api.ts';
import { jsonQuery } from '../query-client.ts';
import { forgetCsrf, hasCsrf, rememberCsrf, staffWrite } from './api.ts';

// The server's own definitions, as types only: nothing of the server enters the bundle.
import type { Role, Staff } from '../../../server/src/staff/queries.ts';

export type { Role, Staff };

type Session = { state: 'checking' } | { state: 'signed-out' } | { state: 'signed-in'; staff: Staff };

// Who is signed in is the answer of GET /api/staff/me, null once signed out.
const me = jsonQuery<Staff | null>('/api/staff/me');

/** Forgets the session and every answer fetched under it. */
function signedOut(client: QueryClient): void {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== me.queryKey[0] });
  client.setQueryData(me.queryKey, null);
}

/** For the console's query client: any 401 means the session has ended (expired, or signed out in another tab). */
export function signOutOnUnauthorized(error: unknown, client: QueryClient): void {
  if (error instanceof ApiError && error.status === 401) signedOut(client);
}

/**
 * Who is signed in: asked of the server once, set by signing in. A session cookie without its
 * CSRF token (another browser profile cleared the storage) cannot write, so it counts as out.
 */
export function useSession(): Session {
  const answer = useQuery({ ...me, enabled: hasCsrf(), staleTime: Infinity, retry: false });
  if (answer.data) return { state: 'signed-in', staff: answer.data };
  return answer.isLoading ? { state: 'checking' } : { state: 'signed-out' };
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) =>
      staffWrite<{ staff: Staff; csrf_token: string }>('POST', '/api/staff/login', credentials),
    onSuccess: ({ staff, csrf_token }) => {
      rememberCsrf(csrf_token);
      client.setQueryData(me.queryKey, staff);
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    // Signed out here whatever the server answers: the cookie is useless without the token.
    mutationFn: () => staffWrite('POST', '/api/staff/logout').catch(() => undefined),
    onSettled: () => {
      forgetCsrf();
      signedOut(client);
    },
  });
}
