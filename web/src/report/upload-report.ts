import { ApiError, clientError, errorFrom } from '../api.ts';
import { deviceId } from '../device-id.ts';
import type { PublicReport } from './public-report.ts';

export interface UploadProgress {
  loaded: number;
  total: number;
}

/** Thrown when the resident pressed cancel during the upload. */
export class UploadCancelled extends Error {
  constructor() {
    super('upload cancelled');
  }
}

/**
 * POST /api/reports with upload progress, which fetch() cannot report for a request body over
 * HTTP/1.1, hence XMLHttpRequest. Fails like fetchJson: an ApiError with the server's answer, or
 * status 0 when no answer came.
 */
export function uploadReport(
  form: FormData,
  idempotencyKey: string,
  options: { signal?: AbortSignal; onProgress?(progress: UploadProgress): void } = {},
): Promise<PublicReport> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/reports');
    request.setRequestHeader('accept', 'application/json');
    request.setRequestHeader('idempotency-key', idempotencyKey);
    // Writes are counted per device as well as per address (phones share a carrier's address).
    request.setRequestHeader('x-device-id', deviceId());
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.({ loaded: event.loaded, total: event.total });
    };
    request.onload = async () => {
      const response = new Response(request.responseText || null, {
        status: request.status,
        headers: { 'content-type': request.getResponseHeader('content-type') ?? '' },
      });
      // 201 for a new report, 200 when the server recognised a retry of one it already stored.
      if (response.ok) resolve((await response.json()) as PublicReport);
      else reject(await errorFrom(response));
    };
    request.onerror = () => reject(clientError(0, 'NETWORK_ERROR', 'common:failure.network'));
    request.ontimeout = request.onerror;
    request.onabort = () => reject(new UploadCancelled());
    if (options.signal?.aborted) return reject(new UploadCancelled());
    options.signal?.addEventListener('abort', () => request.abort(), { once: true });
    request.send(form);
  });
}

/**
 * Whether sending the same report again later may succeed: no answer, a server that is down or
 * busy, or too many reports at once. Any other refusal needs the resident to change something.
 */
export function worthRetrying(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
}
