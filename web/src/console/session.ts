import { useCallback, useEffect, useState } from 'react';
import { call, forgetCsrf, getJson, hasCsrf, postJson, rememberCsrf, signedOutEvent } from './api.ts';

// The server's own definitions, as types only: nothing of the server enters the bundle.
import type { Role, Staff } from '../../../server/src/staff/queries.ts';

export type { Role, Staff };

type Session = { state: 'checking' } | { state: 'signed-out' } | { state: 'signed-in'; staff: Staff };

/**
 * Who is signed in: asked of the server once, set by signing in. A session cookie without its
 * CSRF token (another browser profile cleared the storage) cannot write, so it counts as out.
 */
export function useSession() {
  const [session, setSession] = useState<Session>({ state: 'checking' });

  useEffect(() => {
    if (!hasCsrf()) {
      setSession({ state: 'signed-out' });
      return;
    }
    getJson<Staff>('/api/staff/me').then(
      (staff) => setSession({ state: 'signed-in', staff }),
      () => setSession({ state: 'signed-out' }),
    );
    const onSignedOut = () => setSession({ state: 'signed-out' });
    window.addEventListener(signedOutEvent, onSignedOut);
    return () => window.removeEventListener(signedOutEvent, onSignedOut);
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const { staff, csrf_token } = await postJson<{ staff: Staff; csrf_token: string }>('/api/staff/login', { email, password });
    rememberCsrf(csrf_token);
    setSession({ state: 'signed-in', staff });
  }, []);

  const signOut = useCallback(async () => {
    await call('POST', '/api/staff/logout').catch(() => undefined);
    forgetCsrf();
    setSession({ state: 'signed-out' });
  }, []);

  return { session, signIn, signOut };
}
