import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandler } from '../http/error-handler.ts';
import { overrideNotFound, useMachineNotFound } from '../http/not-found.ts';
import { createTestApp, type TestApp } from '../test/app.ts';
import { registerWebApp } from './static.ts';

// A stand-in for the built web app: the not-found handler only needs its three entry pages.
const webDistDir = fs.mkdtempSync(path.join(os.tmpdir(), 'petawarga-web-'));
for (const page of ['index', 'console', 'analytics']) {
  fs.writeFileSync(path.join(webDistDir, `${page}.html`), `<!doctype html><title>${page}</title>`);
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ webDistDir });
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(webDistDir, { recursive: true, force: true });
});

const get = (url: string, method: 'GET' | 'POST' | 'HEAD' = 'GET') => t.app.inject({ method, url });

describe('unknown paths', () => {
  it.each([
    '/api/nothing-here', '/api', '/api/reports/TGR-AAAAAA/nothing', '/tiles/nothing/1/2/3.mvt', '/media/nothing.jpg',
    '/api/exports/reports.xlsx',
  ])('answers %s with a JSON 404 NOT_FOUND', async (url) => {
    const res = await get(url);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json().error.code).toBe('NOT_FOUND');
    expect(res.json().error.message_id).toBeTruthy();
  });

  // Open311 and OGC API answer their own unknown paths in their standards' error formats.
  it('answers an unknown Open311 path with the specification\'s error list, in the format its suffix names', async () => {
    const json = await get('/open311/v2/nothing.json');
    expect(json.statusCode).toBe(404);
    expect(json.json()).toEqual([{ code: 404, description: expect.stringMatching(/\[NOT_FOUND\]$/) }]);
    const xml = await get('/open311/v2/nothing.xml');
    expect(xml.statusCode).toBe(404);
    expect(xml.body).toMatch(/<errors>\s*<error>\s*<code>404<\/code>/);
  });

  it.each(['/ogc/nothing', '/ogc/collections/nothing/items'])('answers %s with an OGC exception', async (url) => {
    const res = await get(url);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/json/);
    expect(res.json()).toMatchObject({ code: expect.any(String), description: expect.any(String) });
  });

  it('answers an unknown POST under the web app with JSON, not a page', async () => {
    const res = await get('/somewhere', 'POST');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });

  it.each([
    ['/r/TGR-7K3P9Q', 'index'], ['/console', 'console'], ['/console/reports/TGR-7K3P9Q', 'console'],
    ['/analytics?from=2026-01-01', 'analytics'],
  ])('serves the web app route %s with 200 and its page', async (url, page) => {
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain(`<title>${page}</title>`);
  });

  it.each(['/no-such-page', '/r/TGR-7K3P9Q/extra', '/consoles', '/apis'])(
    'serves the web app\'s not-found page for %s with status 404', async (url) => {
      const res = await get(url);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.body).toContain('<title>index</title>');
    });

  it('lets a service under a machine prefix answer its own not-found format', async () => {
    // As an Open311 plugin would: registered with its prefix, with its own not-found answer.
    const app = Fastify();
    registerErrorHandler(app);
    useMachineNotFound(app);
    await app.register(async (open311) => {
      overrideNotFound(open311, '/open311', (_request, reply) => reply.status(404).send([{ code: 404, description: 'not found' }]));
    }, { prefix: '/open311' });
    await registerWebApp(app, webDistDir);
    const own = await app.inject({ method: 'GET', url: '/open311/v2/nothing.json' });
    expect(own.statusCode).toBe(404);
    expect(own.json()).toEqual([{ code: 404, description: 'not found' }]);
    const ogc = await app.inject({ method: 'GET', url: '/ogc/nothing' });
    expect(ogc.json().error.code).toBe('NOT_FOUND');
    await app.close();
  });
});
