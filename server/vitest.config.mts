import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Keep one copy of graphql: type-graphql and @apollo/server must share its classes.
    alias: [
      { find: /^graphql$/, replacement: 'graphql/index.js' },
      { find: /^graphql\/(.+)\.mjs$/, replacement: 'graphql/$1.js' },
    ],
  },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Inlined so the alias above reaches its `import 'graphql'` too.
    server: { deps: { inline: ['graphql-query-complexity'] } },
  },
});
