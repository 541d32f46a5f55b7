import type { TileCoord } from '../../tiles/src/index.ts';

/** One tile over HTTP as MapLibre asks for it (gzip accepted); the time includes reading the body. */
export async function fetchTile(baseUrl: string, tile: TileCoord, query: string): Promise<{ ms: number; bytes: number; from: string }> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/tiles/reports/${tile.z}/${tile.x}/${tile.y}.mvt${query ? `?${query}` : ''}`, {
    headers: { 'accept-encoding': 'gzip' },
  });
  const body = await response.arrayBuffer();
  const ms = performance.now() - started;
  if (response.status !== 200 && response.status !== 204) throw new Error(`tile ${tile.z}/${tile.x}/${tile.y}: HTTP ${response.status}`);
  return { ms, bytes: body.byteLength, from: response.headers.get('x-read-from') ?? '' };
}

/** Runs `work` over `items` with `concurrency` workers at once. */
export async function inParallel<T>(items: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}
