import type { CodegenConfig } from '@graphql-codegen/cli';

/** The example's typed documents, from the server's schema: `npx graphql-codegen --config examples/client/codegen.ts`. */
const config: CodegenConfig = {
  schema: 'server/schema.graphql',
  documents: ['examples/client/client.ts'],
  generates: {
    'examples/client/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTimeISO: 'string', JSONObject: 'Record<string, unknown>' },
      },
    },
  },
};

export default config;
