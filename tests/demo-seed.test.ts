import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../prisma/seed/demo.ts";
import { hashApiKey } from "../src/server/api-keys.ts";
import { createTestDatabase, type TestDatabase } from "./helpers/test-database.ts";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("demo seed", () => {
  it("creates four stores, 50+ orders in several native statuses and cross-border timelines with every scenario", async () => {
    const { db } = database;
    const key = await seedDemo(db, {
      now: new Date("2026-11-21T08:00:00Z"),
      apiKey: "tl_test_demo_given",
    });
    expect(key).toBe("tl_test_demo_given");
    expect(await db.apiKey.count({ where: { hash: hashApiKey(key) } })).toBe(1);
    expect((await db.store.findMany()).map((s) => `${s.marketplace}/${s.site}`).sort()).toEqual([
      "amazon/JP",
      "amazon/US",
      "shopee/SG",
      "shopee/TH",
    ]);
    expect(await db.order.count()).toBeGreaterThanOrEqual(50);
    const native = await db.order.groupBy({ by: ["nativeStatus", "state"], _count: true });
    expect(native.map((n) => `${n.nativeStatus}:${n.state}`)).toEqual(
      expect.arrayContaining([
        "Unshipped:READY_TO_SHIP",
        "Pending:PENDING",
        "Canceled:CANCELLED",
        "Shipped:SHIPPED",
        "SHIPPED:SHIPPED",
        "TO_CONFIRM_RECEIVE:DELIVERED",
        "COMPLETED:COMPLETED",
        "UNPAID:PENDING",
        "IN_CANCEL:CANCEL_REQUESTED",
        "PROCESSED:SHIPPED",
      ]),
    );
    const buyerLocales = await db.order.findMany({
      distinct: ["buyerLocale"],
      select: { buyerLocale: true },
    });
    expect(buyerLocales.map((o) => o.buyerLocale).sort()).toEqual([
      "en-SG",
      "en-US",
      "ja-JP",
      "th-TH",
    ]);
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
    for (const store of await db.store.findMany()) {
      const inStore = await db.shipment.findMany({ where: { storeId: store.id } });
      const kinds = new Set(inStore.map((shipment) => shipment.substatus));
      expect([store.site, kinds.has("RECIPIENT_UNAVAILABLE"), kinds.has("CUSTOMS_HELD")]).toEqual([
        store.site,
        true,
        true,
      ]);
    }
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
    // Every demo place is on the map: geocoded to its city, or the gateway's own coordinates.
    const places = new Map(
      delivered.events.map((e) => [e.city, `${e.geoPrecision} ${e.latitude?.toFixed(1)}`]),
    );
    expect(Object.fromEntries(places)).toEqual({
      Shenzhen: "CITY 22.5",
      "Hong Kong": "CITY 22.3",
      "Los Angeles": "EXACT 33.9",
      Brooklyn: "CITY 40.7",
    });
    const unplaced = await db.trackingEvent.count({ where: { latitude: null } });
    expect(unplaced).toBe(0);
  });
});
