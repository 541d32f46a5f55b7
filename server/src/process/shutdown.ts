/** One step of a shutdown: a name for the log, and the work. */
export type ShutdownStep = [name: string, stop: () => Promise<unknown> | unknown];

// Longer than the slowest step should take (jobs in hand get 10 s, jobs/runner.ts), short of
// the 30 s most supervisors wait between SIGTERM and SIGKILL.
const deadlineMs = 25_000;

/**
 * On SIGTERM or SIGINT, runs the steps in order and exits: 0 when every step finished, 1 when
 * one failed or the deadline passed. A failing step (the database is down while the jobs are
 * released) is logged and the next one still runs. A second signal exits at once.
 */
export function stopOnSignals(steps: ShutdownStep[], log: (message: string) => void): void {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      log(`${signal} again: exiting without finishing the shutdown`);
      process.exit(1);
    }
    stopping = true;
    log(`${signal}: finishing the requests in hand, then stopping`);
    setTimeout(() => {
      log(`shutdown not finished after ${deadlineMs / 1000} s: exiting`);
      process.exit(1);
    }, deadlineMs).unref();
    let failed = false;
    for (const [name, stop] of steps) {
      try {
        await stop();
      } catch (error) {
        failed = true;
        log(`shutdown: ${name} failed: ${(error as Error).message}`);
      }
    }
    process.exit(failed ? 1 : 0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
