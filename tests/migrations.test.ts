import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPostgresUrl } from "../src/server/database.ts";
import { applyMigrations, readMigrations } from "../src/server/migrate.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("in-process migrations", () => {
  it("record every committed migration as prisma migrate does, and re-run as a no-op", async () => {
    const rows = await database.handle.session((s) =>
      s.query<{ migration_name: string; checksum: string }>(
        `SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`,
      ),
    );
    expect(rows).toEqual(
      readMigrations().map((m) => ({ migration_name: m.name, checksum: m.checksum })),
    );
    expect(await applyMigrations(database.handle)).toEqual([]);
  });

  // The Prisma CLI is only checked against a real PostgreSQL: over PGlite it is what we avoid.
  it.skipIf(!isPostgresUrl(process.env.DATABASE_URL))(
    "leave nothing for `prisma migrate deploy` to do",
    async () => {
      const schema = await database.handle.session((s) =>
        s.query<{ schema: string }>("SELECT current_schema() AS schema"),
      );
      const url = new URL(process.env.DATABASE_URL!);
      url.searchParams.set("schema", schema[0]!.schema);
      const { stdout } = await promisify(execFile)("npx", ["prisma", "migrate", "deploy"], {
        env: { ...process.env, DATABASE_URL: url.toString() },
      });
      expect(stdout).toContain(`schema "${schema[0]!.schema}"`);
      expect(stdout).toContain("No pending migrations to apply");
    },
  );
});
