import type { PrismaPg } from "@prisma/adapter-pg";
import type { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { createRedisGeneration } from "./write-generation.ts";
import { watchWrites } from "./write-watch.ts";

/** An adapter that only records what happened, in order. */
function fakeFactory(log: string[]) {
  const result = { columnNames: [], columnTypes: [], rows: [] };
  const query = (where: string) => async (q: { sql: string }) => {
    log.push(`${where}: ${q.sql}`);
    return where === "tx" || q.sql.startsWith("SELECT") ? result : 1;
  };
  const adapter = {
    provider: "postgres",
    adapterName: "fake",
    queryRaw: query("adapter"),
    executeRaw: query("adapter"),
    executeScript: async () => {},
    dispose: async () => {},
    startTransaction: async () => ({
      options: { usePhantomQuery: true },
      provider: "postgres",
      adapterName: "fake",
      queryRaw: query("tx"),
      executeRaw: query("tx"),
      commit: async () => void log.push("commit"),
      rollback: async () => void log.push("rollback"),
    }),
  };
  return {
    provider: "postgres",
    adapterName: "fake",
    connect: async () => adapter,
  } as unknown as PrismaPg;
}

const sql = (text: string) => ({ sql: text, args: [], argTypes: [] });

describe("watchWrites", () => {
  it("moves the generation after a write returns, after a commit, never for reads or rollbacks", async () => {
    const log: string[] = [];
    const watched = watchWrites(fakeFactory(log), "pgboss", async () => void log.push("bump"));
    const adapter = await watched.connect();
    await adapter.queryRaw(sql('SELECT 1 FROM "Shipment"'));
    await adapter.executeRaw(sql('UPDATE "Shipment" SET x = 1'));
    await adapter.executeRaw(sql('UPDATE "ApiKey" SET "lastUsedAt" = $1'));
    const tx = await adapter.startTransaction();
    await tx.executeRaw(sql('INSERT INTO "TrackingEvent" VALUES (1)'));
    await tx.commit();
    const rolledBack = await adapter.startTransaction();
    await rolledBack.executeRaw(sql('INSERT INTO "TrackingEvent" VALUES (2)'));
    await rolledBack.rollback();
    const readOnly = await adapter.startTransaction();
    await readOnly.queryRaw(sql('SELECT 1 FROM "Order"'));
    await readOnly.commit();
    expect(log).toEqual([
      'adapter: SELECT 1 FROM "Shipment"',
      'adapter: UPDATE "Shipment" SET x = 1',
      "bump",
      'adapter: UPDATE "ApiKey" SET "lastUsedAt" = $1',
      'tx: INSERT INTO "TrackingEvent" VALUES (1)',
      "commit",
      "bump",
      'tx: INSERT INTO "TrackingEvent" VALUES (2)',
      "rollback",
      'tx: SELECT 1 FROM "Order"',
      "commit",
    ]);
  });
});

describe("createRedisGeneration", () => {
  it("caches nothing after a failed bump until Redis takes one again", async () => {
    let value = 0;
    let down = false;
    const redis = {
      incr: async () => {
        if (down) throw new Error("Connection is closed.");
        value += 1;
        return value;
      },
      get: async () => {
        if (down) throw new Error("Connection is closed.");
        return String(value);
      },
    } as unknown as Redis;
    const generation = createRedisGeneration(redis, "g");
    expect(await generation.read()).toBe("0");
    await generation.bump();
    expect(await generation.read()).toBe("1");
    down = true;
    await generation.bump();
    expect(await generation.read()).toBeNull();
    down = false;
    // Redis is back: the bump this instance owes (the write it could not announce) comes first.
    expect(await generation.read()).toBe("2");
    expect(await generation.read()).toBe("2");
  });
});
