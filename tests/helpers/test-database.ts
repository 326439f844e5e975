import { PGlite } from "@electric-sql/pglite";
import { Redis } from "ioredis";
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
import {
  createLocalGeneration,
  createRedisGeneration,
  type WriteGeneration,
} from "../../src/server/write-generation.ts";

export interface TestDatabase {
  db: PrismaClient;
  handle: DatabaseHandle;
  /** SQL text of every query Prisma ran, for N+1 checks; clear it with `queries.length = 0`. */
  queries: string[];
  /** pg-boss over this database, started; apps built on it add their workers. */
  jobs: JobEngine;
  /** With REDIS_URL: the connection the write generation lives on, and this database's prefix. */
  cacheRedis?: { redis: Redis; prefix: string };
  /** Another handle on the same database, moving `generation` on: a second instance's. */
  openPeer(generation: WriteGeneration): DatabaseHandle;
  close(): Promise<void>;
}

/** A private write generation (decision 049): in Redis under a prefix of its own when REDIS_URL is set. */
export function createTestGeneration(
  prefix = `trackline-test:${Math.random().toString(36).slice(2, 10)}:`,
): {
  generation: WriteGeneration;
  cacheRedis?: { redis: Redis; prefix: string };
} {
  const url = process.env.REDIS_URL;
  if (!url) return { generation: createLocalGeneration() };
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  return {
    generation: createRedisGeneration(redis, `${prefix}generation`),
    cacheRedis: { redis, prefix },
  };
}

/**
 * A private database per test file, migrated the way `npm start` migrates: an in-memory PGlite,
 * or, when DATABASE_URL names a PostgreSQL, a fresh schema in it, dropped on close, so parallel
 * test files never meet.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  const { generation, cacheRedis } = createTestGeneration();
  let handle: DatabaseHandle;
  let openPeer: (generation: WriteGeneration) => DatabaseHandle;
  let dropSchema = async () => {};
  if (isPostgresUrl(url)) {
    const schema = `t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA "${schema}"`);
    handle = openPostgres(url, schema, undefined, generation);
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
      handle = openPostgres(asRole.toString(), schema, undefined, generation);
    }
    const peerUrl = role ? Object.assign(new URL(url), { username: role, password: "" }) : url;
    openPeer = (peerGeneration) =>
      openPostgres(peerUrl.toString(), schema, undefined, peerGeneration);
  } else {
    const pglite = new PGlite();
    handle = openPGlite(pglite, generation);
    openPeer = (peerGeneration) => openPGlite(pglite, peerGeneration);
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
    cacheRedis,
    openPeer,
    close: async () => {
      await jobs.stop();
      await db.$disconnect();
      await handle.close();
      await dropSchema();
      await cacheRedis?.redis.quit();
    },
  };
}
