import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { defineConfig } from "prisma/config";
import { isPostgresUrl, openPGlite, openPostgres } from "./src/server/database.ts";

// The CLI reads the schema's env("DATABASE_URL") even in embedded mode, and without it falls back to
// downloading a native engine, which these machines cannot do. Any URL will do for PGlite.
// In embedded mode the CLI gets a scratch in-memory PGlite: the server migrates ./data itself
// (decision 003), and the CLI over a file-backed PGlite never exits.
const databaseUrl = process.env.DATABASE_URL;
process.env.DATABASE_URL ??= "postgresql://embedded@localhost/trackline";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () =>
    isPostgresUrl(databaseUrl)
      ? openPostgres(databaseUrl).adapter
      : openPGlite(new PGlite()).adapter,
});
