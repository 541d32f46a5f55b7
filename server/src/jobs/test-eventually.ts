// Background work finishes when it finishes: tests wait for its effect, never for a fixed time.

/** Polls `check` every 50 ms until it gives a value, at most `ms`; `what` names it in the timeout. */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, what: string, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
