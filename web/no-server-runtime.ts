import path from 'node:path';
import type { Plugin } from 'vite';

const serverSide = ['server', 'tiles', 'scripts', 'db'];

/**
 * Fails the web build when a module of the server side (server/, tiles/, scripts/, db/) ends up
 * in the bundle. The web app shares the server's contracts through `import type`, which the
 * build erases before resolving anything; a value import would ship server code (and whatever
 * it imports: pg, node:crypto, …) to every phone.
 */
export function noServerRuntime(repoRoot: string): Plugin {
  const forbidden = serverSide.map((folder) => path.join(repoRoot, folder) + path.sep);
  return {
    name: 'petawarga:no-server-runtime',
    enforce: 'pre',
    load(id) {
      const file = id.split('?')[0];
      const folder = forbidden.find((dir) => file.startsWith(dir));
      if (folder) {
        this.error(`${path.relative(repoRoot, file)} is server code and may not be bundled into the web app; ` +
          'import its types with `import type` instead');
      }
      return null;
    },
  };
}
