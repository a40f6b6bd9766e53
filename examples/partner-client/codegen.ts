import type { CodegenConfig } from '@graphql-codegen/cli';

// Types for every operation in src/, from the hub's public API schema (the file a partner downloads).
const config: CodegenConfig = {
  schema: '../../schema/api.graphql',
  documents: ['src/**/*.ts', '!src/gql/**'],
  generates: {
    'src/gql/': {
      preset: 'client',
      config: { scalars: { Date: 'string', DateTime: 'string', Decimal: 'string', JSON: 'unknown' }, enumsAsTypes: true },
      presetConfig: { fragmentMasking: false },
    },
  },
  ignoreNoDocuments: false,
};

export default config;
