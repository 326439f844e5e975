import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { PrismaClient } from "../../generated/prisma/client.ts";
import {
  type DatabaseHandle,
  isPostgresUrl,
  openPGlite,
  openPostgres,
} from "../../src/server/database.ts";
import { type JobEngine, startJobEngine } from "../../src/server/job-queue.ts";
import { applyMigrations } from "../../src/server/migrate.ts";

export interface TestDatabase {
  db: PrismaClient;
  handle: DatabaseHandle;
  /** SQL text of every query Prisma ran, for N+1 checks; clear it with `queries.length = 0`. */
  queries: string[];
  /** pg-boss over this database, started; apps built on it add their workers. */
  jobs: JobEngine;
  close(): Promise<void>;
}

/**
 * A private database per test file, migrated the way `npm start` migrates: an in-memory PGlite,
 * or, when DATABASE_URL names a PostgreSQL, a fresh schema in it, dropped on close, so parallel
 * test files never meet.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  let handle: DatabaseHandle;
  let dropSchema = async () => {};
  if (isPostgresUrl(url)) {
    const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA "${schema}"`);
    handle = openPostgres(url, schema);
    dropSchema = async () => {
      await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}_jobs" CASCADE`);
      await admin.end();
    };
    // TEST_PG_ROLE=<role>: the app connects as that role (not a superuser, so row-level
    // security holds; decision 042) once the schema is migrated; it is given the schema.
    const role = process.env.TEST_PG_ROLE;
    if (role) {
      await applyMigrations(handle);
      await handle.close();
      await admin.query(`GRANT ALL ON SCHEMA "${schema}" TO ${role}`);
      await admin.query(`GRANT ALL ON ALL TABLES IN SCHEMA "${schema}" TO ${role}`);
      await admin.query(`GRANT ALL ON ALL SEQUENCES IN SCHEMA "${schema}" TO ${role}`);
      const asRole = new URL(url);
      asRole.username = role;
      asRole.password = "";
      handle = openPostgres(asRole.toString(), schema);
    }
  } else {
    handle = openPGlite(new PGlite());
  }
  await applyMigrations(handle);
  const queries: string[] = [];
  const db = new PrismaClient({
    adapter: handle.adapter,
    log: [{ emit: "event", level: "query" }],
  });
  db.$on("query", (event) => queries.push(event.query));
  const jobs = await startJobEngine(handle);
  return {
    db,
    handle,
    queries,
    jobs,
    close: async () => {
      await jobs.stop();
      await db.$disconnect();
      await handle.close();
      await dropSchema();
    },
  };
}
