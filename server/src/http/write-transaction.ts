import type { FastifyInstance, RouteOptions } from 'fastify';
import type { Database, Queryable, Sql, Transaction } from '../db/database.ts';
import { isConnectionLoss } from '../db/connection-loss.ts';
import { openTransaction, type OpenTransaction } from '../db/open-transaction.ts';

/** The one transaction of a write request; services take it and never open their own. */
export type RequestTransaction = Transaction;

declare module 'fastify' {
  interface FastifyRequest {
    /** The request's transaction: committed when the handler returns, rolled back when it throws. */
    tx: RequestTransaction;
  }
  interface FastifyContextConfig {
    /** false: a write route that must not run in one transaction (none today). */
    transaction?: boolean;
  }
}

export interface CommitHooks {
  /** Runs inside the transaction just before COMMIT; its result goes to `afterCommit`. */
  beforeCommit?(tx: Queryable): Promise<unknown>;
  /** Runs once COMMIT succeeded, before the answer is sent; must not throw (the change stands). */
  afterCommit?(fromBeforeCommit: unknown): Promise<void>;
}

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Opens on the first query, so a request that first reads an upload or decodes photos holds no
 * connection meanwhile; a request that never queries never opens one.
 */
class LazyTransaction implements RequestTransaction {
  private opening?: Promise<OpenTransaction>;
  private undos: (() => Promise<void>)[] = [];
  private committed = false;
  /** COMMIT was sent but its answer lost with the connection: it may or may not have happened. */
  private outcomeUnknown = false;

  constructor(private readonly db: Database, private readonly hooks: CommitHooks) {}

  query<Row>(statement: Sql): Promise<Row[]> {
    this.opening ??= openTransaction(this.db);
    return this.opening.then((tx) => tx.query<Row>(statement));
  }

  onRollback(undo: () => Promise<void>): void {
    this.undos.push(undo);
  }

  async commit(): Promise<void> {
    if (!this.opening) return;
    const tx = await this.opening;
    const carried = await this.hooks.beforeCommit?.(tx);
    try {
      await tx.commit();
    } catch (error) {
      this.outcomeUnknown = isConnectionLoss(error);
      throw error;
    }
    this.committed = true;
    await this.hooks.afterCommit?.(carried);
  }

  /**
   * Ends an open transaction without its changes; after a failed COMMIT only undoes the rest.
   * When the COMMIT's outcome is unknown, nothing is undone: the rows may stand, and files
   * they name must stay (reports/photos.ts sweeps the files of transactions that did not commit).
   */
  async rollback(): Promise<void> {
    if (this.committed || this.outcomeUnknown) return;
    try {
      // The error that brought us here is the one to report, not a failing ROLLBACK's.
      const tx = await this.opening?.catch(() => undefined);
      await tx?.rollback().catch(() => undefined);
    } finally {
      for (const undo of this.undos.reverse()) await undo();
    }
  }
}

/**
 * Gives every write route (POST, PUT, PATCH, DELETE) one transaction, decided here and nowhere
 * else: the handler returns its answer, the transaction commits, and only then is the answer
 * sent; a handler that throws, or a COMMIT that fails, rolls everything back and the error
 * handler answers. Call before any route is registered.
 */
export function useWriteTransactions(app: FastifyInstance, db: Database, hooks: CommitHooks = {}): void {
  app.decorateRequest('tx', null as unknown as RequestTransaction);
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = [route.method].flat();
    if (!methods.some((m) => writeMethods.has(m)) || route.config?.transaction === false) return;
    const handler = route.handler;
    route.handler = async function inTransaction(request, reply) {
      const tx = new LazyTransaction(db, hooks);
      request.tx = tx;
      try {
        const answer = await handler.call(this, request, reply);
        if (reply.sent) {
          throw new Error(`${route.method} ${route.url} answered before its transaction committed: return the body, do not send it`);
        }
        await tx.commit();
        return answer;
      } catch (error) {
        await tx.rollback();
        throw error;
      }
    };
  });
}
