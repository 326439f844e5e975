import path from "node:path";
import { defineConfig } from "prisma/config";
import { openDatabase } from "./src/server/database.ts";

// The CLI reads the schema's env("DATABASE_URL") even in embedded mode, and without it falls back to
// downloading a native engine, which these machines cannot do. Any URL will do for PGlite.
const databaseUrl = process.env.DATABASE_URL;
process.env.DATABASE_URL ??= "postgresql://embedded@localhost/trackline";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () =>
    (
      await openDatabase({
        DATABASE_URL: databaseUrl,
        TRACKLINE_DATA_DIR: process.env.TRACKLINE_DATA_DIR,
      })
    ).adapter,
});
