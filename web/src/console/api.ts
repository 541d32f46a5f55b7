import { fetchJson } from '../api.ts';

// The CSRF token of the session (staff/sessions.ts): the cookie is httpOnly and sent by the
// browser, the token must be sent by us on every write. Kept for the tabs of this browser.
const csrfKey = 'petawarga.console.csrf';

export const rememberCsrf = (token: string) => localStorage.setItem(csrfKey, token);
export const forgetCsrf = () => localStorage.removeItem(csrfKey);
export const hasCsrf = () => localStorage.getItem(csrfKey) !== null;

/** A write to the API as the signed-in staff member (reads need no token: they are plain queries). */
export function staffWrite<T>(method: 'POST' | 'PATCH', url: string, body?: object | FormData): Promise<T> {
  return fetchJson<T>(url, { method, body, headers: { 'x-csrf-token': localStorage.getItem(csrfKey) ?? '' } });
}
