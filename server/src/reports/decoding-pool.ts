import pLimit, { type LimitFunction } from 'p-limit';
import { appError } from '../http/error-catalogue.ts';

/**
 * Photo decoding, a few at a time. Decoding is CPU-bound and runs on libuv's thread pool,
 * which file and DNS work share: a small pool keeps the other threads free however many
 * uploads arrive together. Those beyond it wait in order, up to `maxWaiting` photos; past
 * that a resident would wait longer than a phone keeps an upload open, so the upload is
 * refused at once (503 PHOTOS_BUSY with Retry-After) and the photos it holds are let go.
 */
export class DecodingPool {
  private readonly limit: LimitFunction;

  constructor(concurrency: number, private readonly maxWaiting: number) {
    this.limit = pLimit(concurrency);
  }

  /** Photos waiting for a place. */
  get waiting(): number {
    return this.limit.pendingCount;
  }

  /** Runs every task of one upload, or none when the queue has no room for all of them. */
  runAll<T>(tasks: (() => Promise<T>)[]): Promise<T[]> {
    if (this.limit.pendingCount + tasks.length > this.maxWaiting) {
      throw appError('PHOTOS_BUSY', { details: { retry_after_seconds: 10 } });
    }
    return Promise.all(tasks.map((task) => this.limit(task)));
  }
}

// Two at a time on a 2-core server; 24 waiting is 8 residents' 3 photos, about 20 s of decoding.
export const photoDecoding = new DecodingPool(2, 24);
