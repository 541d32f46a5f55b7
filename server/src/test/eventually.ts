// Background work finishes when it finishes: tests wait for its effect, never for a fixed time.

export interface EventuallyOptions {
  /** Give up after this long (default 15 s). */
  timeoutMs?: number;
  /** What is awaited, for the timeout's message; a function is asked only then (e.g. for a log). */
  what?: string | (() => string);
  /** Pause between checks (default 50 ms). */
  intervalMs?: number;
}

/**
 * Calls `check` until it gives a value other than undefined or false, and returns that value;
 * throws once `timeoutMs` has passed without one. An error thrown by `check` ends the wait at
 * once (a check can so report a crashed process instead of waiting for the timeout).
 */
export async function eventually<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  { timeoutMs = 15_000, what = 'the condition', intervalMs = 50 }: EventuallyOptions = {},
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > until) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'function' ? what() : what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
