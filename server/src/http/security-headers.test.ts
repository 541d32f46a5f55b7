import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';

let t: TestApp;
let https: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  https = await createTestApp({ publicBaseUrl: 'https://petawarga.example.id' });
});
afterAll(async () => {
  await t?.close();
  await https?.close();
});

describe('security headers', () => {
  it('are on API answers and errors as on pages', async () => {
    for (const url of ['/api/categories', '/api/reports/TGR-000000', '/docs/json']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
      expect(res.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
    }
  });

  it("allow Swagger UI's one inline style on /docs only", async () => {
    const docs = await t.app.inject({ method: 'GET', url: '/docs/static/index.html' });
    expect(docs.headers['content-security-policy']).toMatch(/style-src 'self' 'sha256-[^']+'/);
    const api = await t.app.inject({ method: 'GET', url: '/api/categories' });
    expect(api.headers['content-security-policy']).toContain("style-src 'self';");
  });

  it('ask for HTTPS only where the site is served over HTTPS', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/api/categories' });
    expect(plain.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const secure = await https.app.inject({ method: 'GET', url: '/api/categories' });
    expect(secure.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(secure.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });
});
