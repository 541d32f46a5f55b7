import { sql, type Database } from './database.ts';

/** Where a read went: the streaming replica, or the primary when the replica could not answer it. */
export type ReadSource = 'replica' | 'primary';

export interface ReadPath {
  db: Database;
  from: ReadSource;
}

/** A WAL position ('16/B374D848') as a number, so positions compare; undefined when malformed. */
export function parseLsn(text: string | undefined | null): bigint | undefined {
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text ?? '');
  return match ? (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`) : undefined;
}

export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}

const lastLsn = (1n << 64n) - 1n;
/** How often a read waiting for the replica asks it again. */
const replayPollMs = 5;

/**
 * The primary and, when DATABASE_READ_URL is set, a PostgreSQL streaming replica of it.
 * Reads that need not see a particular write go to the replica; a read that must see writes up
 * to a WAL position goes to the replica only once the replica has replayed that far, else to the
 * primary. Without a replica every read goes to the primary and no WAL position is ever asked.
 */
export class ReadReplica {
  /** Highest replay position seen on the replica; it only grows. */
  private replayed = 0n;
  private checking?: Promise<bigint>;

  constructor(
    readonly primary: Database,
    readonly replica?: Database,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  /** The pool for reads with no freshness need: the replica, else the primary. */
  get db(): Database {
    return this.replica ?? this.primary;
  }

  /**
   * The primary's WAL position now, taken after a write committed: a replica that has replayed
   * this far shows the write. pg_current_wal_lsn() is the end of what the primary has written;
   * with synchronous_commit on (the default) a committed transaction's commit record is within it.
   * Undefined without a replica.
   */
  async writePosition(): Promise<bigint | undefined> {
    if (!this.replica) return undefined;
    const [row] = await this.primary.query<{ lsn: string }>(sql`SELECT pg_current_wal_lsn()::text AS lsn`);
    return parseLsn(row.lsn);
  }

  /**
   * The replica if it has replayed up to `lsn` (any state when undefined), else the primary.
   * With `patienceMs`, waits that long for the replica to catch up before choosing the primary.
   */
  async after(lsn: bigint | undefined, patienceMs = 0): Promise<ReadPath> {
    if (!this.replica) return { db: this.primary, from: 'primary' };
    const giveUpAt = Date.now() + patienceMs;
    for (;;) {
      if (lsn === undefined || (await this.hasReplayed(lsn))) return { db: this.replica, from: 'replica' };
      if (Date.now() >= giveUpAt) return { db: this.primary, from: 'primary' };
      await new Promise((resolve) => setTimeout(resolve, replayPollMs));
    }
  }

  private async hasReplayed(lsn: bigint): Promise<boolean> {
    if (this.replayed >= lsn) return true;
    // One question to the replica at a time, however many reads wait on it.
    this.checking ??= this.replayPosition().finally(() => (this.checking = undefined));
    try {
      const position = await this.checking;
      if (position > this.replayed) this.replayed = position;
    } catch (error) {
      // An unreachable replica sends reads to the primary rather than failing them.
      this.log(`replica replay position unknown (${(error as Error).message}); reading the primary`);
      return false;
    }
    return this.replayed >= lsn;
  }

  private async replayPosition(): Promise<bigint> {
    const [row] = await this.replica!.query<{ lsn: string | null }>(sql`SELECT pg_last_wal_replay_lsn()::text AS lsn`);
    // NULL: the server is not in recovery (DATABASE_READ_URL names a primary, e.g. the same
    // server), so it already shows every commit it holds.
    if (row.lsn === null) return lastLsn;
    return parseLsn(row.lsn) ?? 0n;
  }
}

/**
 * Reads that follow the changes this process has been told about (tile invalidations). Each
 * change raises the fence to the primary's WAL position after it; reads go to the replica once
 * it has replayed past the fence, waiting up to `patienceMs` for it, else to the primary. A read
 * first waits for the positions still being asked (one round trip to the primary), and goes to
 * the primary while a position could not be asked: a tile rendered from a lagging replica just
 * after its invalidation would otherwise be cached without the change.
 */
export class ReadFence {
  private lsn = 0n;
  private readonly asking = new Set<Promise<void>>();
  private raised = 0;
  /** The latest raise that failed; cleared by a later one that succeeds. */
  private failedRaise = 0;

  constructor(
    private readonly reads: ReadReplica,
    private readonly patienceMs: number,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  /** Call synchronously when a change is announced (after its commit). */
  raise(): void {
    if (!this.reads.replica) return;
    const raise = ++this.raised;
    const asked: Promise<void> = this.reads.writePosition().then(
      (lsn) => {
        if (lsn !== undefined && lsn > this.lsn) this.lsn = lsn;
        if (raise > this.failedRaise) this.failedRaise = 0;
      },
      (error: Error) => {
        this.failedRaise = Math.max(this.failedRaise, raise);
        this.log(`WAL position after a change unknown (${error.message}); reading the primary`);
      },
    ).finally(() => this.asking.delete(asked));
    this.asking.add(asked);
  }

  async read(): Promise<ReadPath> {
    if (this.asking.size > 0) await Promise.all(this.asking);
    if (this.failedRaise > 0) return { db: this.reads.primary, from: 'primary' };
    return this.reads.after(this.lsn, this.patienceMs);
  }
}
