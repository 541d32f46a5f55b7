import { MessageFailed, processNextMessage, type InboundProcessor } from './inbound.ts';

// SMSD cannot NOTIFY, so the inbox is polled. Once a second keeps a resident's reply within
// a couple of seconds of SMSD receiving the SMS, at the cost of one indexed query per second.
export const pollIntervalMs = 1000;

// A message that fails (a bug, a report the database refuses) is retried with growing pauses
// up to this, so one bad message neither blocks the others nor floods the log.
const maxRetryDelayMs = 5 * 60_000;

export interface SmsPoller {
  /** Finishes the message in hand, then stops. */
  stop(): Promise<void>;
}

export function startSmsPoller(
  processor: InboundProcessor,
  options: { intervalMs?: number; log?: (message: string) => void } = {},
): SmsPoller {
  const intervalMs = options.intervalMs ?? pollIntervalMs;
  const log = options.log ?? (() => undefined);
  const retries = new Map<number, { at: number; delayMs: number }>();
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  async function drain() {
    while (!stopping) {
      const now = Date.now();
      const waiting = [...retries].filter(([, r]) => r.at > now).map(([id]) => id);
      try {
        const id = await processNextMessage(processor, waiting);
        if (id === null) return;
        retries.delete(id);
      } catch (error) {
        if (!(error instanceof MessageFailed)) {
          log(`SMS gateway not reachable, trying again: ${(error as Error).message}`);
          return;
        }
        const delayMs = Math.min((retries.get(error.messageId)?.delayMs ?? intervalMs) * 2, maxRetryDelayMs);
        retries.set(error.messageId, { at: now + delayMs, delayMs });
        log(`${error.message} (retrying in ${Math.round(delayMs / 1000)} s)`);
      }
    }
  }

  const tick = () => {
    running = drain().finally(() => {
      if (!stopping) timer = setTimeout(tick, intervalMs);
    });
  };
  tick();

  return {
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await running;
    },
  };
}
