import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrder, buildShipment, globalId } from "./helpers/factories.ts";
import { ConfirmShipment, CreateOrder, RecordEvents } from "./helpers/operations.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const WRITERS = 30;

/** Hourly scans; each writer sends an overlapping window of them, in its own order. */
function overlappingBatch(writer: number) {
  const hours = Array.from({ length: 30 }, (_, i) => (writer * 7 + i) % 40);
  if (writer % 2) hours.reverse();
  return hours.map((hour) => ({
    occurredAt: new Date(Date.UTC(2026, 10, 3, hour)).toISOString().replace("Z", "+00:00"),
    status: "IN_TRANSIT" as const,
    substatus: "ARRIVED_AT_FACILITY" as const,
    rawCode: `AR${hour}`,
    location: { city: `Hub ${hour}`, countryCode: "US" },
  }));
}

describe("concurrent writers", () => {
  it("store overlapping events on one shipment from parallel requests without a failure", async () => {
    const shipmentId = await buildShipment(server);
    const results = await Promise.all(
      Array.from({ length: WRITERS }, (_, writer) =>
        server.request(RecordEvents, { input: { shipmentId, events: overlappingBatch(writer) } }),
      ),
    );
    for (const result of results) {
      expect(result.errors).toBeUndefined();
      expect(result.data?.recordTrackingEvents.errors).toEqual([]);
    }
    const recorded = results.reduce(
      (sum, r) => sum + r.data!.recordTrackingEvents.recordedCount,
      0,
    );
    expect(recorded).toBe(40);
    const id = Buffer.from(shipmentId, "base64").toString().split(":")[1]!;
    expect(await server.database.db.trackingEvent.count({ where: { shipmentId: id } })).toBe(40);
  });

  it("give one order and typed DUPLICATE errors for 20 parallel createOrder with one order id", async () => {
    const input = {
      storeId: globalId("Store", server.tenant.amazonStoreId),
      nativeOrderId: "114-2020202-2020202",
      nativeStatus: "Unshipped",
      destinationCountry: "US",
      placedAt: "2026-11-01T09:30:00-08:00",
    };
    const results = await Promise.all(
      Array.from({ length: 20 }, () => server.request(CreateOrder, { input })),
    );
    for (const result of results) expect(result.errors).toBeUndefined();
    const created = results.filter((r) => r.data?.createOrder.order);
    const duplicates = results.flatMap((r) => r.data?.createOrder.errors ?? []);
    expect(created).toHaveLength(1);
    expect(duplicates).toHaveLength(19);
    expect(new Set(duplicates.map((e) => `${e.code} ${e.field}`))).toEqual(
      new Set(["DUPLICATE nativeOrderId"]),
    );
  });

  it("attach a tracking number once when the same confirmation races", async () => {
    const orderId = await buildOrder(server);
    const input = { orderId, carrier: "ups", trackingNumber: "1Z5R89390357567127" };
    const results = await Promise.all(
      Array.from({ length: 8 }, () => server.request(ConfirmShipment, { input })),
    );
    for (const result of results) expect(result.errors).toBeUndefined();
    expect(results.filter((r) => r.data?.confirmShipment.shipment)).toHaveLength(1);
    expect(results.flatMap((r) => r.data?.confirmShipment.errors.map((e) => e.code) ?? [])).toEqual(
      Array(7).fill("DUPLICATE"),
    );
  });
});
