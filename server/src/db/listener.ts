import pg from 'pg';

export interface ListenOptions {
  /**
   * Called after the connection was lost and LISTEN is in place again: notifications sent
   * meanwhile are lost, so whatever they would have refreshed must be refreshed now.
   */
  onResumed?: () => void;
  log?: (message: string) => void;
}

// After a restart PostgreSQL accepts connections again within a second or two; asking every
// 100 ms at first, then at most once a second, resumes listening within a second of that.
const firstRetryMs = 100;
const maxRetryMs = 1000;

/**
 * LISTEN on `channel` on a connection of its own (a session for its whole life, outside the
 * pool). When the connection drops (a restart, a failover, pg_terminate_backend) it connects
 * again with back-off until it succeeds or is stopped, then calls `onResumed`. Only the first
 * connection may fail the call: a server unreachable at start-up stops the start.
 */
export async function listenWithReconnect(
  connectionString: string, channel: string, onPayload: (payload: string) => void, options: ListenOptions = {},
): Promise<() => Promise<void>> {
  if (!/^[a-z_]+$/.test(channel)) throw new Error(`unsafe channel name ${channel}`);
  const log = options.log ?? ((message: string) => console.warn(`[petawarga] ${message}`));
  let client: pg.Client | undefined;
  let stopped = false;
  let retryTimer: NodeJS.Timeout | undefined;

  const connect = async (): Promise<pg.Client> => {
    const c = new pg.Client({ connectionString, connectionTimeoutMillis: 5000, keepAlive: true });
    // A lost connection also ends it; 'end' below reconnects, so the error itself is only noted.
    c.on('error', (error) => log(`LISTEN ${channel} connection lost: ${error.message}`));
    c.on('notification', (n) => n.channel === channel && onPayload(n.payload ?? ''));
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
    } catch (error) {
      await c.end().catch(() => undefined);
      throw error;
    }
    c.once('end', () => {
      if (!stopped) reconnect(firstRetryMs);
    });
    return c;
  };

  const reconnect = (delayMs: number) => {
    client = undefined;
    retryTimer = setTimeout(async () => {
      try {
        const c = await connect();
        if (stopped) {
          await c.end();
          return;
        }
        client = c;
        log(`LISTEN ${channel} resumed`);
        options.onResumed?.();
      } catch (error) {
        if (!stopped) reconnect(Math.min(delayMs * 2, maxRetryMs));
      }
    }, delayMs);
  };

  client = await connect();
  return async () => {
    stopped = true;
    clearTimeout(retryTimer);
    await client?.end().catch(() => undefined);
  };
}
