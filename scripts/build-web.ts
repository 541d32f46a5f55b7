// Builds the web app with Vite unless web/dist is already newer than every source file, so
// that `npm start` and `npm test` rebuild only after a change.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const built = path.join(root, 'web/dist/index.html');
const sources = ['web/src', 'web/index.html', 'web/console.html', 'web/analytics.html', 'web/vite.config.ts', 'web/pwa', 'web/public', 'package-lock.json'].map((p) => path.join(root, p));

function newestMtime(p: string): number {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((entry) => newestMtime(path.join(p, entry))));
}

const force = process.argv.includes('--force');
if (!force && fs.existsSync(built) && fs.statSync(built).mtimeMs >= Math.max(...sources.map(newestMtime))) {
  console.log('[petawarga] web app is up to date (web/dist)');
} else {
  console.log('[petawarga] building the web app (vite build)…');
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
}
