// What the bench's comparison pages (geojson-page.ts, bare-maplibre-page.ts) share: MapLibre's
// own files, served gzip-compressed as a web server would, and a server of their own on a free
// port of this machine.
import { createReadStream } from 'node:fs';
import { createServer, type RequestListener, type ServerResponse } from 'node:http';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import { freePort, projectRoot } from './server.ts';

const maplibreDist = path.join(projectRoot, 'node_modules/maplibre-gl/dist');
const maplibrePrefix = '/maplibre/';

export interface PageSite { url: string; close(): Promise<void> }

/**
 * Sends the file of MapLibre's dist folder that `pathName` (/maplibre/<file>) names, or 404 when
 * there is none. Returns false for any other path, which is then the caller's to answer.
 */
export function sendMapLibreFile(pathName: string, response: ServerResponse, cacheControl?: string): boolean {
  if (!pathName.startsWith(maplibrePrefix)) return false;
  const name = pathName.slice(maplibrePrefix.length);
  if (name.includes('/') || name.includes('..')) {
    response.writeHead(404).end();
    return true;
  }
  const type = name.endsWith('.css') ? 'text/css' : name.endsWith('.mjs') ? 'text/javascript' : 'application/json';
  const source = createReadStream(path.join(maplibreDist, name));
  source.on('error', () => response.writeHead(404).end());
  source.on('open', () => {
    response.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', ...(cacheControl && { 'cache-control': cacheControl }) });
    source.pipe(createGzip()).pipe(response);
  });
  return true;
}

/** Serves `listener` on 127.0.0.1 at a free port until closed. */
export async function servePages(listener: RequestListener): Promise<PageSite> {
  const server = createServer(listener);
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
