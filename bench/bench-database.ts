import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import {
  type DatabaseHandle,
  isPostgresUrl,
  openPGlite,
  openPostgres,
} from "../src/server/database.ts";
import { type JobEngine, startJobEngine } from "../src/server/job-queue.ts";
import { applyMigrations } from "../src/server/migrate.ts";

export interface BenchDatabase {
  handle: DatabaseHandle;
  jobs: JobEngine;
  close(): Promise<void>;
}

/** A fresh, migrated database with its job engine: in-memory PGlite, or a throwaway schema in DATABASE_URL. */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  const url = process.env.DATABASE_URL;
  if (!isPostgresUrl(url)) {
    const handle = openPGlite(new PGlite());
    await applyMigrations(handle);
    const jobs = await startJobEngine(handle);
    return {
      handle,
      jobs,
      close: async () => {
        await jobs.stop();
        await handle.close();
      },
    };
  }
  const schema = `bench_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA "${schema}"`);
  const handle = openPostgres(url, schema);
  await applyMigrations(handle);
  const jobs = await startJobEngine(handle);
  return {
    handle,
    jobs,
    close: async () => {
      await jobs.stop();
      await handle.close();
      await admin.query(`DROP SCHEMA "${schema}" CASCADE`);
      await admin.query(`DROP SCHEMA IF EXISTS "${handle.jobSchema}" CASCADE`);
      await admin.end();
    },
  };
}
