import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { JOB_QUEUES } from "../src/domain/jobs.ts";
import { createJobEngine, type JobEngine } from "../src/server/job-queue.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database.ts";

describe("job engine (pg-boss over the app's database)", () => {
  let database: TestDatabase;
  let engine: JobEngine;
  const errors: unknown[] = [];

  beforeEach(async () => {
    database = await createTestDatabase();
    engine = createJobEngine({
      sql: database.handle.jobSql,
      schema: database.handle.jobSchema,
      soleWorker: true,
      onError: (error) => errors.push(error),
    });
    await engine.start();
  });

  afterEach(async () => {
    await engine.stop();
    await database.close();
    expect(errors).toEqual([]);
  });

  it("runs a job enqueued in a transaction that commits, and none from one that rolls back", async () => {
    const seen: string[] = [];
    await engine.work("carrier-webhook", 1, async (data) => {
      seen.push(data.deliveryId);
    });
    await database.db.$transaction(async (tx) => {
      await engine.enqueue(tx, "carrier-webhook", { deliveryId: "committed" });
    });
    await expect(
      database.db.$transaction(async (tx) => {
        await engine.enqueue(tx, "carrier-webhook", { deliveryId: "rolled-back" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    engine.wake("carrier-webhook");
    await engine.drain();
    expect(seen).toEqual(["committed"]);
  });

  it("keeps one queued job per key", async () => {
    const seen: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      await database.db.$transaction((tx) =>
        engine.enqueue(tx, "carrier-webhook", { deliveryId: `d${i}` }, { key: "same" }),
      );
    }
    await engine.work("carrier-webhook", 1, async (data) => {
      seen.push(data.deliveryId);
    });
    await engine.drain();
    expect(seen).toEqual(["d0"]);
  });

  it("runs due jobs back to back, not one per polling interval", async () => {
    await database.db.$transaction(async (tx) => {
      for (let i = 0; i < 6; i += 1) {
        await engine.enqueue(tx, "carrier-webhook", { deliveryId: `d${i}` }, { key: `d${i}` });
      }
    });
    const seen: string[] = [];
    const started = Date.now();
    await engine.work("carrier-webhook", 1, async (data) => {
      seen.push(data.deliveryId);
    });
    // No drain() here: it wakes the workers itself. One worker, 2 s polling: five waits of
    // ~2 s each when every job is followed by the polling delay.
    while (seen.length < 6 && Date.now() - started < 20_000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(seen).toHaveLength(6);
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it("fetches a busy queue in batches: a job that throws is retried alone, the rest complete", async () => {
    const batchSize = JOB_QUEUES["carrier-webhook"].batchSize ?? 1;
    expect(batchSize).toBeGreaterThan(1);
    const count = batchSize * 2 + 3;
    await database.db.$transaction(async (tx) => {
      for (let i = 0; i < count; i += 1) {
        await engine.enqueue(tx, "carrier-webhook", { deliveryId: `d${i}` }, { key: `d${i}` });
      }
    });
    const seen: string[] = [];
    await engine.work("carrier-webhook", 1, async (data) => {
      seen.push(data.deliveryId);
      if (data.deliveryId === "d1") throw new Error("this one is broken");
    });
    const started = Date.now();
    while (seen.length < count && Date.now() - started < 20_000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(seen).toHaveLength(count);
    // Three fetches back to back, not one polling interval (2 s) per batch.
    expect(Date.now() - started).toBeLessThan(4_000);
    const { rows } = await database.handle.jobSql.executeSql(
      `SELECT data->>'deliveryId' AS id, state::text AS state FROM ${database.handle.jobSchema}.job
       WHERE name = 'carrier-webhook' ORDER BY id`,
      [],
    );
    const states = rows as { id: string; state: string }[];
    await engine.stop();
    expect(states.filter((row) => row.state === "completed")).toHaveLength(count - 1);
    expect(states.find((row) => row.id === "d1")?.state).toBe("retry");
  });

  it("hands a set-based handler the batch a worker fetched", async () => {
    const batchSize = JOB_QUEUES["shipment-exceptions"].batchSize ?? 1;
    await database.db.$transaction((tx) =>
      engine.enqueueMany(
        tx,
        "shipment-exceptions",
        Array.from({ length: batchSize + 1 }, (_, i) => ({
          data: { shipmentId: `s${i}` },
          options: { key: `s${i}` },
        })),
      ),
    );
    const batches: string[][] = [];
    await engine.workBatch("shipment-exceptions", 1, async (jobs) => {
      batches.push(jobs.map((job) => job.data.shipmentId));
    });
    await engine.drain();
    expect(batches.map((batch) => batch.length).sort((a, b) => a - b)).toEqual([1, batchSize]);
  });

  it("runs a job a dead process left active at once when it is the sole worker", async () => {
    await database.db.$transaction((tx) =>
      engine.enqueue(tx, "carrier-webhook", { deliveryId: "orphan" }),
    );
    // What a process killed mid-job leaves behind.
    await database.handle.jobSql.executeSql(
      `UPDATE ${database.handle.jobSchema}.job SET state = 'active', started_on = now()
       WHERE name = 'carrier-webhook'`,
      [],
    );
    const next = createJobEngine({
      sql: database.handle.jobSql,
      schema: database.handle.jobSchema,
      soleWorker: true,
      onError: (error) => errors.push(error),
    });
    await next.start();
    try {
      const seen: string[] = [];
      await next.work("carrier-webhook", 1, async (data) => {
        seen.push(data.deliveryId);
      });
      // Due now, not after the queue's retry delay (5 s doubling): drain waits for it.
      await next.drain(4_000);
      expect(seen).toEqual(["orphan"]);
    } finally {
      await next.stop();
    }
  });

  it("does not count a job due later as busy", async () => {
    await database.db.$transaction((tx) =>
      engine.enqueue(
        tx,
        "carrier-webhook",
        { deliveryId: "later" },
        { startAfter: new Date(Date.now() + 3_600_000) },
      ),
    );
    await engine.drain(1_000);
  });

  it("retries at start a job a dead process left active, when it is the only worker", async () => {
    let started!: () => void;
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    let release!: () => void;
    const hung = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The first worker takes the job and does not finish it, like a process killed mid-job.
    await engine.work("carrier-webhook", 1, async () => {
      started();
      await hung;
    });
    await database.db.$transaction((tx) =>
      engine.enqueue(tx, "carrier-webhook", { deliveryId: "orphan" }),
    );
    engine.wake("carrier-webhook");
    await running;

    const next = createJobEngine({
      sql: database.handle.jobSql,
      schema: database.handle.jobSchema,
      soleWorker: true,
      onError: (error) => errors.push(error),
    });
    await next.start();
    const seen: string[] = [];
    await next.work("carrier-webhook", 1, async (data) => {
      seen.push(data.deliveryId);
    });
    next.wake("carrier-webhook");
    const deadline = Date.now() + 10_000;
    while (seen.length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(seen).toEqual(["orphan"]);
    await next.stop();
    release();
  });
});
