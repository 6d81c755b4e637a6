import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          // One server and one browser at a time: the machine has two cores.
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 120_000,
          // What a browser shows after a request can take seconds on a busy two-core machine (argon2, an import's
          // analysis); 1 s, vitest's default, made the suite fail only when the machine was loaded.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
