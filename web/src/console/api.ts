import { fetchJson } from '../api.ts';

// The CSRF token of the session (staff/sessions.ts): the cookie is httpOnly and sent by the
// browser, the token must be sent by us on every write. Held in this page's memory only, never in
// storage that a script injected later could read back: after a reload, or in another tab,
// GET /api/staff/session hands it out again (session.ts).
let csrfToken = '';

export const rememberCsrf = (token: string) => {
  csrfToken = token;
};
export const forgetCsrf = () => {
  csrfToken = '';
};

/** A write to the API as the signed-in staff member (reads need no token: they are plain queries). */
export function staffWrite<T>(method: 'POST' | 'PATCH', url: string, body?: object | FormData): Promise<T> {
  return fetchJson<T>(url, { method, body, headers: { 'x-csrf-token': csrfToken } });
}
