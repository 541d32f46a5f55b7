import type { Database } from '../db/database.ts';
import { deleteMessage, leaseDueMessages, postponeMessage, type OutboxMessage } from './queries.ts';

/** What to do with one message of a topic. Must tolerate running twice (delivery is at least once). */
export type OutboxHandler = (payload: Record<string, unknown>) => Promise<void>;

export interface OutboxOptions {
  log?: (message: string) => void;
  /** Looks for due messages this often even without a notification (retries, missed NOTIFYs). */
  pollMs?: number;
}

const batchSize = 50;
const leaseSeconds = 60;
// 5 s, 10 s, 20 s … capped at an hour: a mail relay or pg-boss outage of a night is ridden out.
const retryDelaySeconds = (attempts: number) => Math.min(3600, 5 * 2 ** (attempts - 1));

/**
 * Drains the outbox (migration 0090): wakes on the `outbox` notification, which PostgreSQL sends
 * only when a transaction that wrote a message commits, and polls as a safety net. Each message
 * goes to the handler of its topic and is deleted when the handler succeeds; a failure postpones
 * it with back-off. Several instances may drain at once.
 */
export async function startOutbox(
  db: Database, handlers: Record<string, OutboxHandler>, options: OutboxOptions = {},
): Promise<{ drain(): Promise<void>; stop(): Promise<void> }> {
  const log = options.log ?? (() => undefined);
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;

  const handle = async (message: OutboxMessage) => {
    const handler = handlers[message.topic];
    try {
      if (!handler) throw new Error(`no handler for topic ${message.topic}`);
      await handler(message.payload);
      await deleteMessage(db, message.id);
    } catch (error) {
      const reason = (error as Error).message;
      log(`outbox: message ${message.id} (${message.topic}) failed on attempt ${message.attempts}: ${reason}`);
      await postponeMessage(db, message.id, retryDelaySeconds(message.attempts), reason);
    }
  };

  const drainOnce = async () => {
    for (;;) {
      const messages = await leaseDueMessages(db, batchSize, leaseSeconds);
      for (const message of messages) await handle(message);
      if (messages.length < batchSize || stopped) return;
    }
  };

  // One drain at a time per instance; a wake-up during a drain runs it once more afterwards.
  const drain = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await drainOnce().catch((error: Error) => log(`outbox: drain failed: ${error.message}`));
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
    return running;
  };

  // After a lost LISTEN connection, a drain at once rather than at the next poll.
  const unlisten = await db.listen('outbox', () => void drain(), { onResumed: () => void drain() });
  const timer = setInterval(() => void drain(), options.pollMs ?? 5_000);
  timer.unref();
  void drain();
  return {
    drain,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await unlisten();
      await running;
    },
  };
}
