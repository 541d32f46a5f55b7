import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { isMachinePath, machineNotFound } from '../http/not-found.ts';

// The web app's own pages. Any other path that is not a file and not under a machine prefix
// (http/not-found.ts) gets the public page too, which says "Halaman tidak ditemukan", but with
// status 404, so that crawlers and link checkers learn the truth. The staff console and the
// planner view are entry pages of their own, so that the public map never loads their code.
const webPages: { path: RegExp; file: string }[] = [
  { path: /^\/$/, file: 'index.html' },
  { path: /^\/r\/[^/]+\/?$/, file: 'index.html' },
  { path: /^\/laporan-saya\/?$/, file: 'index.html' },
  { path: /^\/console(\/.*)?$/, file: 'console.html' },
  { path: /^\/analytics(\/.*)?$/, file: 'analytics.html' },
];

// At the root, so that the service worker's scope is the whole site (web/vite.config.ts).
const noCacheFiles = new Set(['sw.js', 'sw-warm.js', 'manifest.webmanifest', 'index.html']);
// Vite names every file under /assets by a hash of its content: a changed file is a new name, so
// a browser may keep these for good without asking again (one round trip a file saved per visit).
const hashedAssets = /^\/assets\//;

/** Serves the built web app, with its HTML page for its client-side routes such as /r/<code>. */
export async function registerWebApp(app: FastifyInstance, webDistDir: string): Promise<void> {
  const built = fs.existsSync(path.join(webDistDir, 'index.html'));
  if (built) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
    // Nothing under a machine prefix is a file of the web app but its /assets.
    await app.register(fastifyStatic, {
      root: webDistDir, prefix: '/', wildcard: true, index: ['index.html'],
      allowedPath: (pathName) => pathName.startsWith('/assets/') || !isMachinePath(pathName),
      setHeaders(reply, filePath) {
        // The service worker and what it loads decide which build a phone runs: a cached copy
        // would keep an old app alive after a release, so the browser must ask every time.
        if (noCacheFiles.has(path.basename(filePath))) reply.header('cache-control', 'no-cache');
        else if (hashedAssets.test(reply.request.url)) reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPageRequest = (request.method === 'GET' || request.method === 'HEAD') && !isMachinePath(request.url);
    if (!built || !isPageRequest) return machineNotFound(app, request, reply);
    const pathName = request.url.split(/[?#]/, 1)[0];
    const page = webPages.find((p) => p.path.test(pathName));
    return reply.status(page ? 200 : 404).type('text/html').sendFile(page?.file ?? 'index.html');
  });
}
