import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cachedTile, TileCache } from './cache.ts';

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

describe('TileCache', () => {
  const tile = (bytes: number) => cachedTile(Buffer.alloc(bytes, 7));
  const at = (x: number) => ({ z: 18, x, y: 0 });

  it('evicts the least recently used tile first when over its byte bound', () => {
    const one = tile(1000);
    const size = one.body.length + one.gzipped.length;
    const cache = new TileCache(3 * size);
    for (const x of [1, 2, 3]) cache.set('reports', at(x), '', tile(1000));
    expect(cache.get('reports', at(1), '')).toBeDefined();
    cache.set('reports', at(4), '', tile(1000));
    expect(cache.get('reports', at(2), '')).toBeUndefined();
    expect([1, 3, 4].map((x) => cache.get('reports', at(x), '') !== undefined)).toEqual([true, true, true]);
  });

  it('keeps a tile that is read while thousands of others are rendered', () => {
    const one = tile(100);
    const size = one.body.length + one.gzipped.length;
    const cache = new TileCache(1000 * size);
    cache.set('reports', at(0), '', tile(100));
    for (let x = 1; x <= 5000; x++) {
      cache.set('reports', at(x), '', tile(100));
      expect(cache.get('reports', at(0), '')).toBeDefined();
    }
    expect(cache.size).toBe(1000);
    expect(cache.get('reports', at(1), '')).toBeUndefined();
  });
});
