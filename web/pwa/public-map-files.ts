import type { Plugin } from 'vite';
import type { ManifestTransform } from 'workbox-build';

/**
 * What the public map (the `main` entry) can load: its chunks, their lazy imports and the style
 * sheets they bring, collected from the finished bundle. The service worker stores these at
 * install and nothing of the console or the planner view (deck.gl alone is 230 kB gzipped),
 * which the glob patterns cannot tell apart from shared chunk names.
 */
export function publicMapFiles(): { plugin: Plugin; keepPublicMapOnly: ManifestTransform } {
  const reachable = new Set<string>();
  const plugin: Plugin = {
    name: 'petawarga:public-map-files',
    generateBundle(_options, bundle) {
      reachable.clear();
      const visit = (fileName: string) => {
        const chunk = bundle[fileName];
        if (!chunk || chunk.type !== 'chunk' || reachable.has(fileName)) return;
        reachable.add(fileName);
        for (const css of chunk.viteMetadata?.importedCss ?? []) reachable.add(css);
        for (const asset of chunk.viteMetadata?.importedAssets ?? []) reachable.add(asset);
        [...chunk.imports, ...chunk.dynamicImports].forEach(visit);
      };
      for (const chunk of Object.values(bundle)) {
        if (chunk.type === 'chunk' && chunk.isEntry && chunk.name === 'main') visit(chunk.fileName);
      }
    },
  };
  const keepPublicMapOnly: ManifestTransform = async (entries) => ({
    manifest: entries.filter(({ url }) => !/^assets\/.*\.(js|css)$/.test(url) || reachable.has(url)),
    warnings: [],
  });
  return { plugin, keepPublicMapOnly };
}
