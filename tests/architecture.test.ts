import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { GraphQLEnumType } from "graphql";
import { describe, expect, it } from "vitest";
import * as prismaEnums from "../generated/prisma/enums.ts";
import { schema } from "../src/schema/index.ts";
import {
  GEO_PRECISIONS,
  MARKETPLACE_SYNC_STATES,
  ORDER_STATES,
  STORE_SYNC_POLICIES,
  TRACKING_STATUSES,
  TRACKING_SUBSTATUSES,
} from "../src/vocabulary/index.ts";

const SRC = resolve(import.meta.dirname, "../src");

/** What each top folder of src/ may import: layers point down, only the server wires. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  vocabulary: ["vocabulary"],
  // Outbound HTTP plumbing (timeouts, Retry-After) shared by carrier and marketplace clients.
  http: ["http"],
  // Where the package's own files are, for code that reads them at run time (decision 051).
  files: ["files"],
  // Gazetteer lookups: domain-neutral data, like the vocabulary it returns.
  places: ["places", "vocabulary"],
  carriers: ["carriers", "files", "http", "vocabulary"],
  plugins: ["plugins", "http", "vocabulary"],
  domain: ["domain", "plugins", "carriers", "places", "http", "vocabulary", "generated"],
  schema: ["schema", "domain", "plugins", "carriers", "places", "http", "vocabulary", "generated"],
  // The server also wires the demo seed (prisma/seed).
  server: [
    "server",
    "schema",
    "domain",
    "plugins",
    "carriers",
    "places",
    "files",
    "http",
    "vocabulary",
    "generated",
    "prisma",
  ],
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** The src/ folder (or "generated") each relative import of a file lands in. */
function importedLayers(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const targets = [...text.matchAll(/^\s*(?:import|export)[^"']*from\s+["'](\.[^"']+)["']/gm)];
  return targets.map(([, specifier]) => {
    const target = relative(SRC, resolve(file, "..", specifier!));
    if (target.startsWith("..")) return target.split(/[\\/]/)[1]!;
    return target.split(/[\\/]/)[0]!;
  });
}

describe("layers", () => {
  it("point down only: no folder imports one above it", () => {
    const violations: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const layer = relative(SRC, file).split(/[\\/]/)[0]!;
      const allowed = MAY_IMPORT[layer];
      if (!allowed) {
        violations.push(`${relative(SRC, file)}: src/${layer} has no place in the layering`);
        continue;
      }
      for (const target of importedLayers(file)) {
        if (!allowed.includes(target)) violations.push(`${relative(SRC, file)} imports ${target}/`);
      }
    }
    expect(violations).toEqual([]);
  });

  it("would catch an import that runs back up", () => {
    expect(importedLayers(join(SRC, "schema", "context.ts"))).toContain("domain");
  });
});

describe("one vocabulary", () => {
  it("gives Prisma's enums exactly the vocabulary's values", () => {
    expect(Object.values(prismaEnums.TrackingStatus)).toEqual([...TRACKING_STATUSES]);
    expect(Object.values(prismaEnums.OrderState)).toEqual([...ORDER_STATES]);
    expect(Object.values(prismaEnums.MarketplaceSyncState)).toEqual([...MARKETPLACE_SYNC_STATES]);
    expect(Object.values(prismaEnums.StoreSyncPolicy)).toEqual([...STORE_SYNC_POLICIES]);
    expect(Object.values(prismaEnums.GeoPrecision)).toEqual([...GEO_PRECISIONS]);
  });

  it("gives GraphQL's enums exactly the vocabulary's values", () => {
    const values = (name: string) =>
      (schema.getType(name) as GraphQLEnumType)
        .getValues()
        .map((v) => v.value)
        .sort();
    // The printed schema is sorted; the vocabulary keeps its life-cycle order.
    expect(values("TrackingStatus")).toEqual([...TRACKING_STATUSES].sort());
    expect(values("TrackingSubstatus")).toEqual([...TRACKING_SUBSTATUSES].sort());
    expect(values("OrderState")).toEqual([...ORDER_STATES].sort());
    expect(values("MarketplaceSyncState")).toEqual([...MARKETPLACE_SYNC_STATES].sort());
    expect(values("GeoPrecision")).toEqual([...GEO_PRECISIONS].sort());
  });
});
