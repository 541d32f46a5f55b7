import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { notFound } from '../http/error-handler.ts';
import { open311NotFound } from '../open311/errors.ts';

// Paths owned by the API or by built assets; everything else that is not a file is a page of
// the web app.
const apiPrefixes = ['/api/', '/tiles/', '/media/', '/docs', '/health', '/assets/', '/open311/'];
// The staff console and the planner view are entry pages of their own, so that the public
// map never loads their code.
const consolePages = /^\/console(\/|\?|$)/;
const analyticsPages = /^\/analytics(\/|\?|$)/;

// At the root, so that the service worker's scope is the whole site (web/vite.config.ts).
const noCacheFiles = new Set(['sw.js', 'sw-warm.js', 'registerSW.js', 'manifest.webmanifest', 'index.html']);

function pageFor(url: string): string {
  if (consolePages.test(url)) return 'console.html';
  if (analyticsPages.test(url)) return 'analytics.html';
  return 'index.html';
}

/** Serves the built web app, with index.html for its client-side routes such as /r/<code>. */
export async function registerWebApp(app: FastifyInstance, webDistDir: string): Promise<void> {
  const built = fs.existsSync(path.join(webDistDir, 'index.html'));
  if (built) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    await app.register(fastifyStatic, {
      root: webDistDir, prefix: '/', wildcard: true, index: ['index.html'],
      setHeaders(reply, filePath) {
        // The service worker and what it loads decide which build a phone runs: a cached copy
        // would keep an old app alive after a release, so the browser must ask every time.
        if (noCacheFiles.has(path.basename(filePath))) reply.header('cache-control', 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !apiPrefixes.some((p) => request.url.startsWith(p));
    if (built && isPage) return reply.type('text/html').sendFile(pageFor(request.url));
    if (request.url.startsWith('/open311/')) return open311NotFound(request, reply);
    return notFound(request, reply);
  });
}
