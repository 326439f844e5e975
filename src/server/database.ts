import { existsSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { prepareDataDir, restrictPermissions, withPrivateUmask } from "./data-dir.ts";
import { DURABLE_START_PARAMS, DurableNodeFS, syncTree } from "./durable-fs.ts";
import type { JobSql } from "./job-queue.ts";
import { scopeConnections } from "./tenant-scope.ts";
import { createLocalGeneration, type WriteGeneration } from "./write-generation.ts";
import { watchWrites } from "./write-watch.ts";

export type DatabaseMode = "embedded" | "postgres";

/** A connection to either database, with what Prisma needs and what migrations need besides. */
export interface DatabaseHandle {
  mode: DatabaseMode;
  adapter: PrismaPg;
  /** One connection outside Prisma, held for `work` (migrations need session locks and scripts). */
  session<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  /** pg-boss's connection (the same database), and the schema its tables live in. */
  jobSql: JobSql;
  jobSchema: string;
  /** Moved on after each committed write through `adapter` or `session` (decision 049). */
  generation: WriteGeneration;
  /** Releases what Prisma's $disconnect does not (the PGlite instance, the pg pool). */
  close(): Promise<void>;
}

export interface SqlSession {
  /** Runs a multi-statement script. */
  execScript(sql: string): Promise<void>;
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
}

interface DatabaseEnv {
  DATABASE_URL?: string;
  TRACKLINE_DATA_DIR?: string;
}

export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//.test(url);
}

/** PGlite in TRACKLINE_DATA_DIR (default ./data) unless DATABASE_URL names a real PostgreSQL. */
export async function openDatabase(
  env: DatabaseEnv,
  options: EmbeddedOptions & { pool?: PoolSettings; generation?: WriteGeneration } = {},
): Promise<DatabaseHandle> {
  if (isPostgresUrl(env.DATABASE_URL)) {
    return openPostgres(env.DATABASE_URL, undefined, options.pool, options.generation);
  }
  const dataDir = path.resolve(env.TRACKLINE_DATA_DIR ?? "data");
  return openPGlite(await openFilePGlite(dataDir, options), options.generation);
}

export interface EmbeddedOptions {
  /**
   * A commit is on disk when it is acknowledged (fsync on, with a real fsync: durable-fs.ts).
   * Default true; false is PGlite's own setting (TRACKLINE_FSYNC=0), several times faster
   * for single-row writes and safe against a crash of the process, not of the machine.
   */
  durable?: boolean;
  /** Replaces the fsync call, for a test or a benchmark to count them. */
  fsync?: (fd: number) => void;
}

/**
 * A file-backed PGlite that only its owner can read. The private umask covers what initdb and
 * start-up create; initdb's files get explicit 0666 modes, hence the pass after. Durable: see
 * EmbeddedOptions; a new cluster is also fsynced once, as PGlite writes it without.
 */
export async function openFilePGlite(
  dataDir: string,
  { durable = true, fsync }: EmbeddedOptions = {},
): Promise<PGlite> {
  prepareDataDir(dataDir);
  const fresh = !existsSync(path.join(dataDir, "PG_VERSION"));
  const pglite = await withPrivateUmask(async () => {
    const opened = durable
      ? new PGlite({
          dataDir,
          fs: new DurableNodeFS(dataDir, { fsync }),
          startParams: [...DURABLE_START_PARAMS],
        })
      : new PGlite({ dataDir });
    await opened.waitReady;
    return opened;
  });
  restrictPermissions(dataDir);
  if (durable && fresh) syncTree(dataDir, fsync);
  return pglite;
}

/** PostgreSQL connections of one process (TRACKLINE_PG_POOL_MAX, ..._CONNECT_TIMEOUT_MS, ...). */
export interface PoolSettings {
  max: number;
  /** Waiting for a free connection longer than this fails the request instead of hanging it. */
  connectTimeoutMs: number;
  /** A statement running longer than this is cancelled by the server. */
  statementTimeoutMs: number;
}

export const DEFAULT_POOL: PoolSettings = {
  max: 10,
  connectTimeoutMs: 10_000,
  statementTimeoutMs: 30_000,
};

/** `schema` isolates a run: queries name it, and the pool's search_path puts migrations in it. */
export function openPostgres(
  url: string,
  schema?: string,
  settings: PoolSettings = DEFAULT_POOL,
  generation: WriteGeneration = createLocalGeneration(),
): DatabaseHandle {
  const searchPath = schema ?? new URL(url).searchParams.get("schema") ?? undefined;
  const options = [`-c statement_timeout=${settings.statementTimeoutMs}`];
  if (searchPath) options.push(`-c search_path="${searchPath}"`);
  const pool = new pg.Pool({
    connectionString: url,
    max: settings.max,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    options: options.join(" "),
  });
  // Row-level security's second wall: each connection carries the operation's tenant (042).
  scopeConnections(pool);
  // A run isolated in its own schema keeps its jobs apart too.
  const jobSchema = searchPath ? `${searchPath}_jobs` : "pgboss";
  const adapter = new PrismaPg(pool, searchPath ? { schema: searchPath } : undefined);
  return {
    mode: "postgres",
    adapter: watchWrites(adapter, jobSchema, generation.bump),
    jobSql: { executeSql: (text, values) => pool.query(text, values) },
    jobSchema,
    generation,
    session: async (work) => {
      const client = await pool.connect();
      try {
        return await work({
          execScript: async (sql) => {
            await client.query(sql);
          },
          query: async <Row>(sql: string, params?: unknown[]) =>
            (await client.query(sql, params)).rows as Row[],
        });
      } finally {
        client.release();
        // What ran outside Prisma (migrations, a seed's lock) is not looked into: a write.
        await generation.bump();
      }
    },
    close: () => pool.end(),
  };
}

export function openPGlite(
  pglite: PGlite,
  generation: WriteGeneration = createLocalGeneration(),
): DatabaseHandle {
  // pglite-prisma-adapter 0.6 bundles driver-adapter-utils 6.10, whose types differ from 6.19's
  // only nominally; the runtime contract is the same (verified end to end: tests/migrations.test.ts and the whole suite run on both).
  const adapter = new PrismaPGlite(pglite) as unknown as PrismaPg;
  return {
    mode: "embedded",
    adapter: watchWrites(adapter, "pgboss", generation.bump),
    generation,
    jobSql: {
      // A text without parameters may hold several statements (pg-boss's own migrations).
      executeSql: async (text, values) =>
        values && values.length > 0
          ? pglite.query(text, values)
          : { rows: (await pglite.exec(text)).at(-1)?.rows ?? [] },
    },
    jobSchema: "pgboss",
    session: async (work) => {
      try {
        return await work({
          execScript: async (sql) => {
            await pglite.exec(sql);
          },
          query: async <Row>(sql: string, params?: unknown[]) =>
            (await pglite.query<Row>(sql, params)).rows,
        });
      } finally {
        await generation.bump();
      }
    },
    close: () => pglite.close(),
  };
}
