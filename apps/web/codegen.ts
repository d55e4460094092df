import type { CodegenConfig } from '@graphql-codegen/cli';

// Types for every operation in src/**/*.graphql, from the API's committed SDL.
const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  documents: ['src/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTimeISO: 'string', UUID: 'string' },
        avoidOptionals: { field: true, inputValue: false, object: true },
      },
    },
  },
};
export default config;
