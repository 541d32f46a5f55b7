import type { Sql } from 'sql-template-tag';

export { default as sql, join, raw, empty, bulk, type Sql } from 'sql-template-tag';

/** Anything that answers parameterised SQL: the database itself or an open transaction. */
export interface Queryable {
  query<Row = Record<string, unknown>>(statement: Sql): Promise<Row[]>;
}

/**
 * A transaction a service writes in. Work outside the database that must be undone with it
 * (photo files written before the rows that name them) registers with `onRollback`. A write
 * request gets one from http/write-transaction.ts; a worker or script from
 * `runInTransaction` (db/open-transaction.ts).
 */
export interface Transaction extends Queryable {
  onRollback(undo: () => Promise<void>): void;
}

/**
 * The database of record: PostgreSQL + PostGIS over the network, or the embedded PGlite build
 * of the same. Code above this layer writes one SQL dialect for both; the only feature it must
 * ask about is `hasAsMvt`, because the embedded PostGIS is compiled without protobuf.
 */
export interface Database extends Queryable {
  readonly kind: 'postgres' | 'embedded';
  /** ST_AsMVT (and ST_AsMVTGeom) exist; false on the embedded build. */
  readonly hasAsMvt: boolean;
  /** Runs fn in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * The rows of one query in batches of `batchRows`, read through a server-side cursor in one
   * read-only snapshot on a connection of its own, so memory stays flat however many rows there
   * are. Stopping the iteration early closes the cursor. PostgreSQL only: the embedded database
   * has one connection, which a long transaction would hold for every other request.
   */
  cursor?<Row = Record<string, unknown>>(statement: Sql, batchRows: number): AsyncGenerator<Row[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
  /**
   * Calls `onPayload` for each NOTIFY on `channel` until the returned function is called. On
   * PostgreSQL a lost connection is made again, then `onResumed` is called: what was notified
   * meanwhile is lost.
   */
  listen(channel: string, onPayload: (payload: string) => void, options?: { onResumed?: () => void }): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** SQLSTATE of a database error, when the error came from the database. */
export function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}
