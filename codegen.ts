import type { CodegenConfig } from "@graphql-codegen/cli";
import { lexicographicSortSchema, printSchema } from "graphql";
import { schema } from "./src/schema/index.ts";

/** The SDL every client builds on; tests/schema-drift.test.ts fails when it is stale. */
export const sdl = printSchema(lexicographicSortSchema(schema));

const config: CodegenConfig = {
  schema: sdl,
  // Documents per output (codegen adds root-level documents to every output's own).
  ignoreNoDocuments: true,
  emitLegacyCommonJSImports: false,
  generates: {
    "schema.graphql": { plugins: ["schema-ast"], config: { includeDirectives: false } },
    "tests/generated/": {
      documents: ["tests/**/*.ts", "bench/**/*.ts", "!tests/generated/**"],
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: "string", Date: "string", Locale: "string" },
      },
    },
    // The typed client example for frontend teams (examples/tracking-client/README.md): documents
    // as strings, so a browser bundle needs no GraphQL runtime.
    "examples/tracking-client/generated/": {
      documents: ["examples/**/*.ts", "!examples/**/generated/**"],
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: "string",
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: "string", Date: "string", Locale: "string", JSONObject: "unknown" },
      },
    },
  },
};

export default config;
