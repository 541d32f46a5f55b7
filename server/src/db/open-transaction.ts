import type { Database, Queryable, Transaction } from './database.ts';

/** A transaction left open for its owner to end: the shape a write request holds. */
export interface OpenTransaction extends Queryable {
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

class RolledBack extends Error {}

/**
 * Opens a transaction that stays open until `commit()` or `rollback()`. Built on
 * `db.transaction()`, so the embedded database's single connection stays held (and its other
 * callers wait) exactly as long as the transaction is open, as with a pooled connection on
 * PostgreSQL. A COMMIT that fails rejects `commit()`.
 */
export function openTransaction(db: Database): Promise<OpenTransaction> {
  return new Promise((opened, failedToOpen) => {
    let decide!: (commit: boolean) => void;
    const decision = new Promise<boolean>((resolve) => (decide = resolve));
    let isOpen = false;
    const outcome = db.transaction(async (tx) => {
      isOpen = true;
      opened({
        query: (statement) => tx.query(statement),
        async commit() {
          decide(true);
          await outcome;
        },
        async rollback() {
          decide(false);
          await outcome.catch((error) => {
            if (!(error instanceof RolledBack)) throw error;
          });
        },
      });
      if (!(await decision)) throw new RolledBack();
    });
    outcome.catch((error) => {
      if (!isOpen) failedToOpen(error);
    });
  });
}

/**
 * One transaction for a unit of work outside HTTP (an SMS, a job, a script): committed when
 * `work` resolves; rolled back, and its `onRollback` undos run, when it throws.
 */
export async function runInTransaction<T>(db: Database, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const undos: (() => Promise<void>)[] = [];
  try {
    return await db.transaction((tx) => work({ query: (statement) => tx.query(statement), onRollback: (undo) => undos.push(undo) }));
  } catch (error) {
    for (const undo of undos.reverse()) await undo();
    throw error;
  }
}
