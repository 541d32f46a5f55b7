/**
 * The import rules CI enforces (`npm run lint:deps`): no import cycle between folders of the
 * server, the tile engine and the scripts, nor between modules inside one. Folder cycles are
 * what make a change in one part ripple unpredictably into another. (The web side's rule, no
 * server runtime code in the bundle, is enforced by the bundler itself: web/no-server-runtime.ts.)
 *
 * Parsed with swc: the TypeScript compiler the project type-checks with has no JavaScript API
 * for dependency-cruiser to use.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      comment: 'No import cycle between folders of server/src, tiles/src and scripts.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^(server/src|tiles/src|scripts)/' },
      to: { circular: true },
    },
    {
      name: 'no-module-cycles',
      comment: 'No import cycle between modules, inside a folder either.',
      severity: 'error',
      from: { path: '^(server/src|tiles/src|scripts)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Tests and their helpers import across folders by nature; the rule is about the code that runs.
    exclude: { path: ['(^|/)(node_modules|dist)/', '\\.test\\.tsx?$', '^server/src/test/'] },
    parser: 'swc',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
