// The ceiling for a cached tile: a Fastify route with nothing but the bytes, the same headers
// and the same gzip choice as the real tile route. Run as its own process by cached.ts.
//   TILE_URL=http://…/tiles/reports/z/x/y.mvt PORT=… node --import tsx scripts/bench/bare-route.ts
import Fastify from 'fastify';
import { gzipSync } from 'node:zlib';

const source = await fetch(process.env.TILE_URL!, { headers: { 'accept-encoding': 'identity' } });
const body = Buffer.from(await source.arrayBuffer());
const gzipped = gzipSync(body);
const etag = source.headers.get('etag') ?? '"x"';

const app = Fastify({ logger: false });
app.get('/ready', async () => 'ok');
app.get('/tile.mvt', async (request, reply) => {
  reply.header('cache-control', 'public, no-cache').header('etag', etag)
    .header('vary', 'accept-encoding').header('x-read-from', 'cache')
    .type('application/vnd.mapbox-vector-tile');
  if (/\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
    return reply.header('content-encoding', 'gzip').send(gzipped);
  }
  return reply.send(body);
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
