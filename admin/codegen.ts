import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Types every GraphQL document the console writes from the server's schema; `npm run codegen` after a schema or
 * document change, and the unit tests fail while the committed output is stale.
 */
const config: CodegenConfig = {
  schema: '../server/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // The transport posts strings: no graphql-js in the bundle to print an AST.
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        strictScalars: true,
        scalars: { DateTimeISO: 'string', JSONObject: 'Record<string, unknown>' },
      },
    },
    'src/gql/fields.ts': { plugins: ['./codegen/fields.cjs'] },
  },
};

export default config;
