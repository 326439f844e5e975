import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PACKAGE_ROOT } from "../files/package-root.ts";
import type { DatabaseHandle, SqlSession } from "./database.ts";

const MIGRATIONS_DIR = path.join(PACKAGE_ROOT, "prisma/migrations");
/** The advisory lock `prisma migrate` takes, so it and this never migrate at the same time. */
const PRISMA_MIGRATE_LOCK = 72707369;

/** Prisma's own bookkeeping table, so `prisma migrate deploy/status` agree with what we applied. */
const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/**
 * Applies the committed Prisma migrations that are not applied yet, each in a transaction,
 * recording them exactly as `prisma migrate deploy` does. In-process because the CLI over
 * PGlite is slow to start and can hang on exit (docs/decisions/003-in-process-migrations.md).
 */
export function applyMigrations(database: DatabaseHandle): Promise<string[]> {
  return database.session(applyInSession);
}

async function applyInSession(database: SqlSession): Promise<string[]> {
  await database.execScript(`SELECT pg_advisory_lock(${PRISMA_MIGRATE_LOCK}); ${BOOKKEEPING};`);
  try {
    const rows = await database.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations"
       WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    const done: string[] = [];
    for (const migration of readMigrations()) {
      const checksum = applied.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new Error(`migration ${migration.name} was edited after it was applied`);
        }
        continue;
      }
      await database.execScript(
        `BEGIN;\n${migration.sql}\nINSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "applied_steps_count") VALUES ('${randomUUID()}', '${migration.checksum}', now(), '${migration.name.replace(/'/g, "''")}', 1);\nCOMMIT;`,
      );
      done.push(migration.name);
    }
    return done;
  } finally {
    await database.execScript(`SELECT pg_advisory_unlock(${PRISMA_MIGRATE_LOCK})`);
  }
}
