import { deviceId } from './device-id.ts';
import i18next, { type Language } from './i18n/setup.ts';

/** One entry of a VALIDATION_FAILED error's details. */
export interface FieldProblem {
  field: string;
  problem: string;
}

/**
 * An error answered by the API ({ error: { code, message_id, message_en, details } }), or made
 * here in the same shape when the server could not be reached or did not answer JSON.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: { id: string; en: string },
    readonly details?: unknown,
  ) {
    super(messages.en);
  }

  messageIn(language: Language): string {
    return this.messages[language];
  }

  /** The field problems of a VALIDATION_FAILED answer; empty for any other error. */
  fieldProblems(): FieldProblem[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is FieldProblem => typeof d === 'object' && d !== null && typeof d.field === 'string',
    );
  }
}

/** An error of the app's own, with its message in both languages. */
export function clientError(status: number, code: string, key: string, values: Record<string, unknown> = {}): ApiError {
  const inLanguage = (lng: Language) => i18next.t(key, { ...values, lng });
  return new ApiError(status, code, { id: inLanguage('id'), en: inLanguage('en') });
}

/** The ApiError a non-2xx answer describes. */
export async function errorFrom(response: Response): Promise<ApiError> {
  const body = await response.json().catch(() => null);
  const error = body?.error;
  if (error && typeof error.code === 'string') {
    return new ApiError(response.status, error.code, {
      id: error.message_id ?? error.message,
      en: error.message_en ?? error.message,
    }, error.details);
  }
  return clientError(response.status, 'UNEXPECTED_RESPONSE', 'common:failure.unexpectedResponse', { status: response.status });
}

export interface JsonRequest {
  method?: 'GET' | 'POST' | 'PATCH';
  /** Sent as JSON, or as multipart when it is FormData. */
  body?: object | FormData;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * A request to the API answered with JSON (or 204, nothing). Every failure becomes an ApiError:
 * the API's own error body, or status 0 when no answer came (offline, server down, cut off).
 */
export async function fetchJson<T>(url: string, request: JsonRequest = {}): Promise<T> {
  const { method = 'GET', body, signal } = request;
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  // Writes are counted per device as well as per address (phones share a carrier's address).
  if (method !== 'GET') headers['x-device-id'] = deviceId();
  if (body && !(body instanceof FormData)) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(url, {
      method, headers, signal, credentials: 'same-origin',
      body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
    });
  } catch (failure) {
    if (signal?.aborted) throw failure;
    throw clientError(0, 'NETWORK_ERROR', 'common:failure.network');
  }
  if (!response.ok) throw await errorFrom(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
