import type { CodegenConfig } from "@graphql-codegen/cli";
import { lexicographicSortSchema, printSchema } from "graphql";
import { schema } from "./src/schema/index.ts";

/** The SDL every client builds on; tests/schema-drift.test.ts fails when it is stale. */
export const sdl = printSchema(lexicographicSortSchema(schema));

const config: CodegenConfig = {
  schema: sdl,
  documents: ["tests/**/*.ts", "bench/**/*.ts", "!tests/generated/**"],
  ignoreNoDocuments: true,
  emitLegacyCommonJSImports: false,
  generates: {
    "schema.graphql": { plugins: ["schema-ast"], config: { includeDirectives: false } },
    "tests/generated/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: "string", Date: "string", Locale: "string" },
      },
    },
  },
};

export default config;
