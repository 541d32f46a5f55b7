import { appError } from '../http/error-catalogue.ts';

/** The 429 of every limit of ours: TOO_MANY_REQUESTS, with Retry-After (error-handler.ts) at the end of the window. */
export function tooManyRequests(secondsLeft: number) {
  const retryAfterSeconds = Math.max(1, secondsLeft);
  return appError('TOO_MANY_REQUESTS', { retryAfterSeconds, details: { retry_after_seconds: retryAfterSeconds } });
}
