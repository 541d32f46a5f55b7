import { queryOptions, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ApiError, fetchJson } from '../api.ts';
import { forgetCsrf, rememberCsrf, staffWrite } from './api.ts';

// The server's own definitions, as types only: nothing of the server enters the bundle.
import type { Role, Staff } from '../../../server/src/staff/queries.ts';

export type { Role, Staff };

type Session = { state: 'checking' } | { state: 'signed-out' } | { state: 'signed-in'; staff: Staff };

const sessionUrl = '/api/staff/session';

// Who is signed in, null once signed out: GET /api/staff/session, which also hands this page
// the session's CSRF token (kept in memory by api.ts). Cached under its URL, holding the staff
// member only, so the token lives in one place.
const me = queryOptions({
  queryKey: [sessionUrl],
  queryFn: async ({ signal }): Promise<Staff | null> => {
    try {
      const session = await fetchJson<{ staff: Staff; csrf_token: string }>(sessionUrl, { signal });
      rememberCsrf(session.csrf_token);
      return session.staff;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
});

/** Forgets the session and every answer fetched under it. */
function signedOut(client: QueryClient): void {
  forgetCsrf();
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== me.queryKey[0] });
  client.setQueryData(me.queryKey, null);
}

/** For the console's query client: any 401 means the session has ended (expired, or signed out in another tab). */
export function signOutOnUnauthorized(error: unknown, client: QueryClient): void {
  if (error instanceof ApiError && error.status === 401) signedOut(client);
}

/** Who is signed in: asked of the server once per page, then set by signing in and out. */
export function useSession(): Session {
  const answer = useQuery({ ...me, staleTime: Infinity, retry: false });
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
      // a planner's work is the analytics page, a page of its own outside the console
      if (staff.role === 'planner') window.location.assign('/analytics');
    },
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    // Signed out here whatever the server answers: the page forgets the token, and the server
    // ends the session when the token came with the request.
    mutationFn: () => staffWrite('POST', '/api/staff/logout').catch(() => undefined),
    onSettled: () => signedOut(client),
  });
}
