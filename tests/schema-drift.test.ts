import { readFileSync } from "node:fs";
import { lexicographicSortSchema, printSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "../src/schema/index.ts";

describe("schema.graphql", () => {
  it("matches the schema the server builds (run `npm run codegen` after changing it)", () => {
    const committed = readFileSync(new URL("../schema.graphql", import.meta.url), "utf8");
    expect(committed.trim()).toBe(printSchema(lexicographicSortSchema(schema)).trim());
  });
});
