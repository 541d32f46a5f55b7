import type { PostgresCluster, StopMode } from '../support/postgres-cluster.ts';
import type { ServerProcess } from '../support/server-process.ts';

export interface FaultLog {
  injected: { name: string; at: number; recoveredMs?: number }[];
  /** How each server process that ended without being killed ended. */
  serverDiedByItself: string[];
}

interface FaultPlan {
  cluster: PostgresCluster;
  /** Every server started so far; the last one serves. */
  servers: ServerProcess[];
  restartServer(): Promise<ServerProcess>;
  began: number;
  seconds: number;
  log: FaultLog;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const outageMs = 2000;

/** Milliseconds until the serving server answers /health/ready with 200 (polled every 50 ms). */
async function untilReady(plan: FaultPlan, giveUpMs = 30_000): Promise<number | undefined> {
  const from = Date.now();
  while (Date.now() - from < giveUpMs) {
    const server = plan.servers[plan.servers.length - 1];
    const ok = await fetch(`${server.url}/health/ready`).then((r) => r.ok, () => false);
    if (ok) return Date.now() - from;
    await sleep(50);
  }
  return undefined;
}

/**
 * At 20%, 45% and 70% of the run: PostgreSQL stopped in fast mode and started 2 s later; the
 * server killed with SIGKILL and started again; PostgreSQL stopped in immediate mode (a crash:
 * recovery on start) and started 2 s later. Meanwhile watches that no server ends by itself.
 */
export async function injectFaults(plan: FaultPlan): Promise<void> {
  const killed = new Set<ServerProcess>();
  const watcher = setInterval(() => {
    for (const s of plan.servers) {
      const ended = s.ended();
      if (ended && !killed.has(s)) {
        killed.add(s);
        plan.log.serverDiedByItself.push(`${ended}; it printed:\n${s.output().split('\n').slice(-20).join('\n')}`);
      }
    }
  }, 100);
  const at = async (share: number) => sleep(Math.max(0, plan.began + share * plan.seconds * 1000 - Date.now()));
  const restartDatabase = async (mode: StopMode) => {
    const fault = { name: `PostgreSQL stop -m ${mode}`, at: Date.now() - plan.began } as FaultLog['injected'][number];
    plan.log.injected.push(fault);
    await plan.cluster.stop(mode);
    await sleep(outageMs);
    await plan.cluster.start();
    fault.recoveredMs = await untilReady(plan);
  };
  try {
    await at(0.2);
    await restartDatabase('fast');
    await at(0.45);
    const fault = { name: 'server kill -9', at: Date.now() - plan.began } as FaultLog['injected'][number];
    plan.log.injected.push(fault);
    const victim = plan.servers[plan.servers.length - 1];
    killed.add(victim);
    await victim.kill();
    const restarted = Date.now();
    await plan.restartServer();
    fault.recoveredMs = Date.now() - restarted;
    await at(0.7);
    await restartDatabase('immediate');
  } finally {
    clearInterval(watcher);
  }
}
