import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { eventually } from '../test/eventually.ts';
import { DecodingPool } from './decoding-pool.ts';
import { processPhotos } from './photos.ts';

describe('the photo decoding pool', () => {
  it('runs no more tasks at once than its size, and the rest in order', async () => {
    const pool = new DecodingPool(2, 10);
    let running = 0;
    let most = 0;
    const finished: number[] = [];
    const task = (n: number) => async () => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setImmediate(resolve));
      running--;
      finished.push(n);
      return n;
    };
    const results = await Promise.all([pool.runAll([task(1), task(2), task(3)]), pool.runAll([task(4), task(5)])]);
    expect(results).toEqual([[1, 2, 3], [4, 5]]);
    expect(most).toBe(2);
    expect(finished).toEqual([1, 2, 3, 4, 5]);
  });

  it('refuses an upload whose photos do not all fit in the queue with PHOTOS_BUSY, and takes one that does', async () => {
    const pool = new DecodingPool(1, 3);
    let release!: () => void;
    const busy = pool.runAll([() => new Promise<void>((resolve) => { release = resolve; })]);
    const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#456' } }).jpeg().toBuffer();
    const waiting = processPhotos([photo, photo], pool);
    await eventually(async () => pool.waiting === 2, { what: 'the first upload\'s photos to be queued' });
    await expect(processPhotos([photo, photo], pool)).rejects.toMatchObject({
      code: 'PHOTOS_BUSY', statusCode: 503, details: { retry_after_seconds: 10 },
    });
    const fits = processPhotos([photo], pool);
    release();
    await busy;
    expect(await waiting).toHaveLength(2);
    expect((await fits)[0].width).toBe(40);
  });
});
