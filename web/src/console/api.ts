import { ApiError, apiErrorFrom, networkError } from '../api.ts';

// The CSRF token of the session (staff/sessions.ts): the cookie is httpOnly and sent by the
// browser, the token must be sent by us on every write. Kept for the tabs of this browser.
const csrfKey = 'petawarga.console.csrf';
export const signedOutEvent = 'petawarga:console-signed-out';

export const rememberCsrf = (token: string) => localStorage.setItem(csrfKey, token);
export const forgetCsrf = () => localStorage.removeItem(csrfKey);
export const hasCsrf = () => localStorage.getItem(csrfKey) !== null;

/** A request to the API as the signed-in staff member; any failure becomes an ApiError. */
export async function call<T>(method: 'GET' | 'POST' | 'PATCH', url: string, body?: object | FormData): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = localStorage.getItem(csrfKey) ?? '';
  if (body && !(body instanceof FormData)) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, {
      method, headers, credentials: 'same-origin',
      body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw networkError();
  }
  if (response.status === 401) window.dispatchEvent(new Event(signedOutEvent));
  if (!response.ok) throw await apiErrorFrom(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const getJson = <T>(url: string) => call<T>('GET', url);
export const postJson = <T>(url: string, body: object | FormData) => call<T>('POST', url, body);

export { ApiError };
