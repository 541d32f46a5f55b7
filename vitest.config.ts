import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/src/**/*.test.ts', 'server/test/**/*.test.ts', 'tiles/src/**/*.test.ts', 'web/src/**/*.test.ts', 'web/*.test.ts', 'scripts/**/*.test.ts'],
    globalSetup: ['server/src/test/global-setup.ts'],
    // The default report, then what was skipped for lack of PostgreSQL or a system package, and why.
    reporters: ['default', './server/src/test/skip-summary.ts'],
    // Tests talk to a real database and a real browser; starting the embedded PostGIS alone
    // takes ~20 s, so the limits are generous.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
