import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../../src/generated/prisma/client.ts";
import { isPostgresUrl } from "../../src/server/database.ts";

export interface TestDatabase {
  db: PrismaClient;
  mode: "embedded" | "postgres";
  /** SQL text of every query Prisma ran since the last reset, for N+1 checks. */
  queries: string[];
  close(): Promise<void>;
}

const migrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");

/** The committed migrations, in order: tests run on the same schema `prisma migrate deploy` builds. */
function migrationSql(): string[] {
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8"));
}

/**
 * A private, migrated database per test file: an in-memory PGlite, or, when DATABASE_URL names a
 * PostgreSQL, a fresh schema in it (dropped on close) so parallel test files never meet.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  const queries: string[] = [];
  const withLog = (db: PrismaClient) => {
    db.$on("query" as never, (event: { query: string }) => queries.push(event.query));
    return db;
  };
  const log = [{ emit: "event", level: "query" }] as const;
  if (isPostgresUrl(url)) {
    const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA "${schema}"`);
    await admin.query(`SET search_path TO "${schema}"`);
    for (const sql of migrationSql())
      await admin.query(sql.replace(/CREATE SCHEMA IF NOT EXISTS "public";/g, ""));
    const adapter = new PrismaPg(
      { connectionString: url, options: `-c search_path=${schema}` },
      { schema },
    );
    const db = withLog(new PrismaClient({ adapter, log: [...log] }));
    return {
      db,
      mode: "postgres",
      queries,
      close: async () => {
        await db.$disconnect();
        await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
        await admin.end();
      },
    };
  }
  const pglite = new PGlite();
  for (const sql of migrationSql()) await pglite.exec(sql);
  const adapter = new PrismaPGlite(pglite) as unknown as PrismaPg;
  const db = withLog(new PrismaClient({ adapter, log: [...log] }));
  return {
    db,
    mode: "embedded",
    queries,
    close: async () => {
      await db.$disconnect();
      await pglite.close();
    },
  };
}
