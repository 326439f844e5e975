import { randomUUID } from "node:crypto";
import PgBoss from "pg-boss";
import type { Prisma } from "../../generated/prisma/client.ts";
import {
  JOB_QUEUES,
  JOB_SCHEDULES,
  type JobName,
  type JobPayloads,
  type JobQueue,
} from "../domain/jobs.ts";
import { tenantScope } from "./tenant-scope.ts";

/** pg-boss's way into the database: one SQL text and its parameters. */
export type JobSql = PgBoss.Db;

export interface JobEngineOptions {
  sql: JobSql;
  /** The schema pg-boss keeps its tables in. */
  schema: string;
  /**
   * Only one process can run the jobs (embedded mode, where the data directory is locked): a job
   * still active at start belonged to a process that died, and is retried at once rather than
   * after its expiry.
   */
  soleWorker: boolean;
  /** How often an idle worker looks for due jobs; `wake` shortcuts it. */
  pollingIntervalSeconds?: number;
  onError(error: unknown): void;
}

/** A job's handler; throwing retries the job (pg-boss retryLimit), so expected failures must not. */
export type JobHandler<N extends JobName> = (data: JobPayloads[N], jobId: string) => Promise<void>;

/** Several jobs of one queue at once; throwing retries every job of the batch. */
export type BatchHandler<N extends JobName> = (
  jobs: readonly { id: string; data: JobPayloads[N] }[],
) => Promise<void>;

/** The pg-boss engine: one in both modes, over PGlite or PostgreSQL (decision 029). */
export interface JobEngine extends JobQueue {
  start(): Promise<void>;
  /**
   * Runs `handler` for every job of queue `name`, on `concurrency` workers. A queue with a
   * batchSize (JOB_QUEUES) runs the jobs a worker fetched together one after another, and
   * fails (retries) each one that throws alone.
   */
  work<N extends JobName>(name: N, concurrency: number, handler: JobHandler<N>): Promise<void>;
  /** Hands the jobs a worker fetched together (its queue's batchSize) to one set-based call. */
  workBatch<N extends JobName>(
    name: N,
    concurrency: number,
    handler: BatchHandler<N>,
  ): Promise<void>;
  /** Resolves when no job is running or due (a back-off in the future does not count). */
  drain(timeoutMs?: number): Promise<void>;
  /** Stops fetching, waits for running jobs, then stops pg-boss; the database stays open. */
  stop(): Promise<void>;
  /** Throws unless the engine is started and its tables answer (readiness). */
  ping(): Promise<void>;
  /** How many jobs each queue holds in each state (metrics). */
  stateCounts(): Promise<{ queue: string; state: string; count: number }[]>;
}

/** Creates and starts the engine over an open database (see DatabaseHandle.jobSql). */
export async function startJobEngine(
  handle: { jobSql: JobSql; jobSchema: string; mode: "embedded" | "postgres" },
  onError: (error: unknown) => void = (error) => console.error("job engine:", error),
): Promise<JobEngine> {
  const engine = createJobEngine({
    sql: handle.jobSql,
    schema: handle.jobSchema,
    soleWorker: handle.mode === "embedded",
    onError,
  });
  await engine.start();
  return engine;
}

export function createJobEngine(options: JobEngineOptions): JobEngine {
  const boss = new PgBoss({
    db: options.sql,
    schema: options.schema,
    // Archiving and expiry checks; cheap, and what turns a dead worker's job into a retry.
    maintenanceIntervalSeconds: 30,
    // Cron (JOB_SCHEDULES): pg-boss's clock monitor keeps one run per slot across instances.
    schedule: true,
  } as PgBoss.ConstructorOptions);
  boss.on("error", (error) => options.onError(error));
  const workers = new Map<JobName, string[]>();
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  let started = false;

  const toSqlValue = (value: unknown) => {
    if (value === undefined) return null;
    if (value instanceof Date) return value.toISOString();
    // pg serialises objects as JSON on its own; Prisma's raw queries need the text.
    if (value !== null && typeof value === "object") return JSON.stringify(value);
    return value;
  };

  /** pg-boss's SQL run inside the caller's transaction, so a job exists exactly when it commits. */
  const inTransaction = (tx: Prisma.TransactionClient): JobSql => ({
    executeSql: async (text, values) => ({
      rows: await tx.$queryRawUnsafe(text, ...(values ?? []).map(toSqlValue)),
    }),
  });

  return {
    async start() {
      await boss.start();
      started = true;
      for (const [name, settings] of Object.entries(JOB_QUEUES)) {
        const queue: PgBoss.Queue = {
          name,
          policy: "stately",
          retryLimit: settings.retryLimit,
          retryDelay: settings.retryDelaySeconds,
          retryBackoff: true,
          expireInSeconds: settings.expireInSeconds,
        };
        if (await boss.getQueue(name)) await boss.updateQueue(name, queue);
        else await boss.createQueue(name, queue);
      }
      for (const [name, cron] of Object.entries(JOB_SCHEDULES)) {
        if (cron) await boss.schedule(name, cron, {}, { tz: "UTC" });
      }
      if (options.soleWorker) await retryOrphans();
    },

    async enqueue(tx, name, data, enqueueOptions = {}) {
      await boss.send(name, data, {
        db: inTransaction(tx),
        // Queues are stately (one waiting job per key): without a key of its own, a job would
        // share the queue's empty key with every other and be dropped.
        singletonKey: enqueueOptions.key ?? randomUUID(),
        startAfter: enqueueOptions.startAfter,
      });
    },

    async enqueueMany(tx, name, jobs) {
      if (jobs.length === 0) return;
      // pg-boss's bulk insert: the same queue defaults and ON CONFLICT DO NOTHING as send.
      await boss.insert(
        jobs.map((job) => ({
          name,
          data: job.data,
          singletonKey: job.options?.key ?? randomUUID(),
          startAfter: job.options?.startAfter,
        })),
        { db: inTransaction(tx) } as PgBoss.InsertOptions,
      );
    },

    wake(name) {
      for (const id of workers.get(name) ?? []) boss.notifyWorker(id);
    },

    async work(name, concurrency, handler) {
      await startWorkers(name, concurrency, async (jobs) => {
        for (const job of jobs) {
          try {
            await handler(job.data, job.id);
          } catch (error) {
            if (jobs.length === 1) throw error;
            // Only this job is retried; the batch's others complete when the handler returns.
            await boss.fail(name, job.id, errorOutput(error));
          }
        }
      });
    },

    async workBatch(name, concurrency, handler) {
      await startWorkers(name, concurrency, handler);
    },

    async drain(timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const rows = (
          await options.sql.executeSql(
            `SELECT name, count(*) FILTER (WHERE state <> 'active')::int AS due,
                    count(*)::int AS busy
             FROM ${options.schema}.job
             WHERE name = ANY($1::text[])
               AND (state = 'active' OR (state IN ('created', 'retry') AND start_after <= now()))
             GROUP BY name`,
            [Object.keys(JOB_QUEUES)],
          )
        ).rows as { name: JobName; due: number; busy: number }[];
        const busy = rows.reduce((sum, row) => sum + row.busy, 0);
        if (busy === 0) return;
        if (Date.now() > deadline) throw new Error(`${busy} jobs still busy after ${timeoutMs} ms`);
        // Only queues with a job waiting: waking every worker of every queue each round made
        // each of them fetch, and on the embedded database (PGlite runs on the event loop)
        // that flood starved the very jobs being waited for.
        for (const row of rows) if (row.due > 0) this.wake(row.name);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },

    async ping() {
      if (!started) throw new Error("the job engine is not running");
      await options.sql.executeSql(`SELECT version FROM ${options.schema}.version`, []);
    },

    async stateCounts() {
      const { rows } = await options.sql.executeSql(
        `SELECT name AS queue, state::text AS state, count(*)::int AS count
         FROM ${options.schema}.job WHERE name = ANY($1::text[]) GROUP BY name, state`,
        [Object.keys(JOB_QUEUES)],
      );
      return rows as { queue: string; state: string; count: number }[];
    },

    async stop() {
      if (!started) return;
      started = false;
      await boss.stop({ graceful: true, close: false, wait: true, timeout: 30_000 });
    },
  };

  async function startWorkers<N extends JobName>(
    name: N,
    concurrency: number,
    handler: BatchHandler<N>,
  ): Promise<void> {
    const batchSize = JOB_QUEUES[name].batchSize ?? 1;
    const ids: string[] = [];
    // pg-boss 10 hands one fetched batch to one call; several workers give concurrency.
    for (let i = 0; i < concurrency; i += 1) {
      let id: string | undefined;
      id = await boss.work<JobPayloads[N]>(
        name,
        { batchSize, pollingIntervalSeconds },
        async (jobs) => {
          if (jobs.length === 0) return;
          try {
            // A job works across tenants; a request that woke its worker lends it no tenant.
            await tenantScope.system(() => handler(jobs));
          } finally {
            // pg-boss waits out the polling interval after every batch, even with more due:
            // that held each worker to one job per interval (8 pushes in 2 s for all stores).
            // A batch that came back short emptied the queue: no need to look again at once.
            if (id && jobs.length === batchSize) boss.notifyWorker(id);
          }
        },
      );
      ids.push(id);
    }
    workers.set(name, [...(workers.get(name) ?? []), ...ids]);
  }

  /** What pg-boss keeps as a failed job's output, as it does for a thrown error. */
  function errorOutput(error: unknown): object {
    return error instanceof Error
      ? { message: error.message, stack: error.stack }
      : { message: String(error) };
  }

  /** Jobs a dead process left active; pg-boss's own fail() puts them back as retries. */
  async function retryOrphans(): Promise<void> {
    const { rows } = await options.sql.executeSql(
      `SELECT name, id FROM ${options.schema}.job WHERE state = 'active'`,
      [],
    );
    const orphans = rows as { name: string; id: string }[];
    for (const { name, id } of orphans) {
      await boss.fail(name, id, { message: "the process running this job stopped" });
    }
    // fail() puts a retry after the queue's delay with back-off (30-60 s for a push): that
    // delay is for a job that threw, not for one whose process is known to be dead.
    if (orphans.length === 0) return;
    await options.sql.executeSql(
      `UPDATE ${options.schema}.job SET start_after = now()
       WHERE id = ANY($1::uuid[]) AND state = 'retry'`,
      [orphans.map(({ id }) => id)],
    );
  }
}
