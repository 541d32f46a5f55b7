import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cachedTile } from './cache.ts';

describe('cachedTile', () => {
  it('keeps a small tile in memory of its own size, not in a shared pool slab or zlib chunk', () => {
    // As the renderer hands it over: a view into a larger buffer (the driver's bytes).
    const received = Buffer.from('1a'.repeat(200), 'hex');
    expect(received.buffer.byteLength).toBeGreaterThan(received.length);
    const entry = cachedTile(received);
    expect(entry.body.buffer.byteLength).toBe(entry.body.length);
    expect(entry.gzipped.buffer.byteLength).toBe(entry.gzipped.length);
    expect(entry.body.equals(received)).toBe(true);
    expect(gunzipSync(entry.gzipped).equals(received)).toBe(true);
  });
});
