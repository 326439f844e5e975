import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashApiKey } from "../src/server/api-keys.ts";
import { seedDemo } from "../src/server/seed-demo.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("demo seed", () => {
  it("creates two stores, 30+ orders and cross-border timelines with every scenario", async () => {
    const { db } = database;
    const key = await seedDemo(db, {
      now: new Date("2026-11-21T08:00:00Z"),
      apiKey: "tl_test_demo_given",
    });
    expect(key).toBe("tl_test_demo_given");
    expect(await db.apiKey.count({ where: { hash: hashApiKey(key) } })).toBe(1);
    expect((await db.store.findMany()).map((s) => `${s.marketplace}/${s.site}`).sort()).toEqual([
      "amazon/US",
      "shopee/SG",
    ]);
    expect(await db.order.count()).toBeGreaterThanOrEqual(30);
    const statuses = await db.shipment.groupBy({ by: ["status", "substatus"], _count: true });
    const seen = statuses.map((s) => `${s.status}/${s.substatus}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        "DELIVERED/LEFT_AT_SAFE_PLACE",
        "DELIVERY_FAILED/RECIPIENT_UNAVAILABLE",
        "EXCEPTION/CUSTOMS_HELD",
        "IN_TRANSIT/ARRIVED_DESTINATION_COUNTRY",
      ]),
    );
    const delivered = await db.shipment.findFirstOrThrow({
      where: { status: "DELIVERED", store: { site: "US" } },
      include: { events: { orderBy: { occurredAt: "asc" } } },
    });
    expect(delivered.events.map((e) => e.substatus)).toEqual([
      "LABEL_CREATED",
      "PICKED_UP",
      "ARRIVED_AT_FACILITY",
      "EXPORT_CUSTOMS",
      "DEPARTED_ORIGIN_COUNTRY",
      "ARRIVED_DESTINATION_COUNTRY",
      "IMPORT_CUSTOMS",
      "CUSTOMS_CLEARED",
      "HANDED_TO_LAST_MILE",
      "ARRIVED_AT_FACILITY",
      null,
      "LEFT_AT_SAFE_PLACE",
    ]);
    expect(new Set(delivered.events.map((e) => e.utcOffsetMinutes))).toEqual(
      new Set([480, -480, -300]),
    );
  });
});
