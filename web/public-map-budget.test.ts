import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// What a phone downloads and compiles on its main thread before the public map can be used: the
// entry script of index.html and the modules it preloads, gzipped as the server sends them.
// MapLibre's web worker runs on its own thread and is counted apart. The bench measures the same
// on an emulated slow phone (scripts/bench/phone-map.ts, docs/performance.md "Phone map").
const budgetBytes = 350 * 1024;
const distDir = path.join(import.meta.dirname, 'dist');

function initialScripts(): string[] {
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script type="module"[^>]* src="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const preloaded = [...html.matchAll(/<link rel="modulepreload"[^>]* href="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  return [...scripts, ...preloaded];
}

const gzippedSize = (file: string) => gzipSync(fs.readFileSync(path.join(distDir, file))).length;

describe('the public map\'s JavaScript', () => {
  it('stays within its budget on the main thread', () => {
    const files = initialScripts();
    expect(files.length).toBeGreaterThan(1);
    const total = files.reduce((sum, file) => sum + gzippedSize(file), 0);
    expect(total, `${files.join(', ')}: ${total} B gzipped`).toBeLessThanOrEqual(budgetBytes);
  });

  it('starts the map before React, which loads once the map has drawn (src/main.ts)', () => {
    const code = initialScripts().map((file) => fs.readFileSync(path.join(distDir, file), 'utf8')).join('\n');
    expect(code).toContain('maplibregl');
    // React DOM's production build links every error to this page; nothing else in the app does.
    expect(code).not.toContain('react.dev/errors');
  });

  it('loads nothing of the console, the planner view or deck.gl before the map', () => {
    const code = initialScripts().map((file) => fs.readFileSync(path.join(distDir, file), 'utf8')).join('\n');
    // Names that only the staff pages' code contains (luma.gl is deck.gl's WebGL layer).
    for (const marker of ['luma.gl', 'deck.gl', '/api/staff/', '/api/moderation/', '/api/hotspots/']) expect(code).not.toContain(marker);
  });

  it('leaves the report form to load when it is opened', () => {
    const initial = new Set(initialScripts());
    const lazy = fs.readdirSync(path.join(distDir, 'assets')).filter((file) => /^ReportPanel-.*\.js$/.test(file));
    expect(lazy).toHaveLength(1);
    expect(initial.has(`/assets/${lazy[0]}`)).toBe(false);
  });
});
