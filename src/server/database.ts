import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

export type DatabaseMode = "embedded" | "postgres";

export interface DriverAdapterHandle {
  mode: DatabaseMode;
  adapter: PrismaPg;
  /** Releases what the adapter holds that Prisma's $disconnect does not (the PGlite instance). */
  close(): Promise<void>;
}

interface DatabaseEnv {
  DATABASE_URL?: string;
  TRACKLINE_DATA_DIR?: string;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//.test(url);
}

/** PGlite in TRACKLINE_DATA_DIR (default ./data) unless DATABASE_URL names a real PostgreSQL. */
export async function createDriverAdapter(env: DatabaseEnv): Promise<DriverAdapterHandle> {
  if (isPostgresUrl(env.DATABASE_URL)) {
    const schema = new URL(env.DATABASE_URL).searchParams.get("schema") ?? undefined;
    return {
      mode: "postgres",
      adapter: new PrismaPg(
        { connectionString: env.DATABASE_URL },
        schema ? { schema } : undefined,
      ),
      close: async () => {},
    };
  }
  const dataDir = path.resolve(env.TRACKLINE_DATA_DIR ?? "data");
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const pglite = new PGlite({ dataDir });
  // pglite-prisma-adapter 0.6 bundles driver-adapter-utils 6.10, whose types differ from 6.19's only
  // nominally; the runtime contract is the same (verified end to end, DESIGN.md).
  const adapter = new PrismaPGlite(pglite) as unknown as PrismaPg;
  return { mode: "embedded", adapter, close: () => pglite.close() };
}
