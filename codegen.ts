import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * Typed operations for tests, benchmarks and the explorer: result and variable types plus
 * TypedDocumentNodes for every named operation in schema/operations/*.graphql.
 * `npm run codegen` regenerates src/generated/graphql.ts; a test fails when it is stale.
 * typescript-operations emits the input and enum types the operations use by itself, so the
 * `typescript` plugin (every schema type) is left out: with both, input types were declared twice.
 */
const config: CodegenConfig = {
  schema: "schema/schema.graphql",
  documents: ["schema/operations/*.graphql"],
  generates: {
    "src/generated/graphql.ts": {
      plugins: ["typescript-operations", "typed-document-node"],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { Date: "string", DateTimeISO: "string", ID: "string" },
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
      },
    },
  },
};

export default config;
