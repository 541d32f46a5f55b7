import type { Language } from './i18n/index.ts';

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

/** Status 0: the request never got an answer (offline, server down, connection cut). */
export function networkError(): ApiError {
  return new ApiError(0, 'NETWORK_ERROR', {
    id: 'Tidak dapat terhubung ke server. Periksa koneksi internet, lalu coba lagi.',
    en: 'Could not reach the server. Check your internet connection and try again.',
  });
}

export async function apiErrorFrom(response: Response): Promise<ApiError> {
  const body = await response.json().catch(() => null);
  const error = body?.error;
  if (error && typeof error.code === 'string') {
    return new ApiError(response.status, error.code, {
      id: error.message_id ?? error.message,
      en: error.message_en ?? error.message,
    }, error.details);
  }
  return new ApiError(response.status, 'UNEXPECTED_RESPONSE', {
    id: `Server menjawab dengan galat ${response.status}. Coba lagi nanti.`,
    en: `The server answered with error ${response.status}. Please try again later.`,
  });
}

/** GET a JSON resource of the API; any failure becomes an ApiError. */
export async function getJson<T>(url: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' } });
  } catch {
    throw networkError();
  }
  if (!response.ok) throw await apiErrorFrom(response);
  return (await response.json()) as T;
}
