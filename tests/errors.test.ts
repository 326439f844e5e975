import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.ts";
import { buildOrder, buildShipment, globalId } from "./helpers/factories.ts";
import {
  ConfirmShipment,
  CreateOrder,
  RecordEvents,
  ShipmentTimeline,
} from "./helpers/operations.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe("recordTrackingEvents input errors", () => {
  it("stores the good events of a batch and names each bad one", async () => {
    const id = await buildShipment(server);
    const result = await server.request(RecordEvents, {
      input: {
        shipmentId: id,
        events: [
          { occurredAt: "2026-11-03T09:00:00+08:00", status: "IN_TRANSIT", substatus: "PICKED_UP" },
          { occurredAt: "2026-11-03T10:00:00+08:00", status: "DELIVERED", substatus: "PICKED_UP" },
          { occurredAt: "2027-01-01T00:00:00Z", status: "IN_TRANSIT" },
          { occurredAt: "2026-11-03T11:00:00+08:00", rawCode: "ZZ-NOT-A-UPS-CODE" },
          {
            occurredAt: "2026-11-03T12:00:00+08:00",
            status: "IN_TRANSIT",
            location: { countryCode: "CHN", latitude: 95 },
          },
          {
            occurredAt: "2026-11-04T09:00:00+08:00",
            status: "IN_TRANSIT",
            substatus: "DEPARTED_FACILITY",
          },
        ],
      },
    });
    const payload = result.data?.recordTrackingEvents;
    expect(payload?.recordedCount).toBe(2);
    expect(payload?.errors.map((e) => [e.code, e.field])).toEqual([
      ["INVALID_SUBSTATUS", "events.1.substatus"],
      ["FUTURE_EVENT", "events.2.occurredAt"],
      ["UNKNOWN_RAW_CODE", "events.3.rawCode"],
      ["INVALID_COUNTRY_CODE", "events.4.location.countryCode"],
      ["INVALID_COORDINATES", "events.4.location.latitude"],
    ]);
    expect(payload?.errors[2]?.message).toContain("ZZ-NOT-A-UPS-CODE");
    const Unmapped = graphql(`query Unmapped { unmappedCarrierCodes { carrier rawCode count } }`);
    const unmapped = (await server.request(Unmapped, {})).data?.unmappedCarrierCodes;
    // A refused event is not a stored one: it is not counted as an unmapped code.
    expect(unmapped?.map((code) => code.rawCode)).not.toContain("ZZ-NOT-A-UPS-CODE");
    const { data } = await server.request(ShipmentTimeline, { id });
    expect(data?.shipment?.timeline.map((e) => e.substatus)).toEqual([
      "PICKED_UP",
      "DEPARTED_FACILITY",
    ]);
  });

  it("refuses a timestamp without a UTC offset, naming the value", async () => {
    const id = await buildShipment(server);
    const result = await server.request(RecordEvents, {
      input: {
        shipmentId: id,
        events: [{ occurredAt: "2026-11-03T09:00:00", status: "IN_TRANSIT" }],
      },
    });
    expect(result.errors?.[0]?.message).toContain(
      '"2026-11-03T09:00:00" is not ISO-8601 with a UTC offset',
    );
  });

  it("reports an unknown shipment and a missing selector as typed errors", async () => {
    const missing = await server.request(RecordEvents, {
      input: { carrier: "ups", trackingNumber: "1Z999AA10123456784", events: [] },
    });
    expect(missing.data?.recordTrackingEvents.errors).toEqual([
      { code: "NOT_FOUND", message: "no such shipment for this API key", field: "trackingNumber" },
    ]);
    const noSelector = await server.request(RecordEvents, { input: { events: [] } });
    expect(noSelector.data?.recordTrackingEvents.errors[0]?.code).toBe("INVALID_INPUT");
  });
});

describe("createOrder and confirmShipment errors", () => {
  it("names every invalid field of an order", async () => {
    const result = await server.request(CreateOrder, {
      input: {
        storeId: globalId("Store", server.tenant.amazonStoreId),
        nativeOrderId: " ",
        nativeStatus: "Unshipped",
        buyerLocale: "not a locale!",
        destinationCountry: "USA",
        placedAt: "2026-11-01T09:30:00Z",
        items: [{ nativeItemId: "A", title: "Cable", quantity: 0 }],
      },
    });
    expect(result.data?.createOrder.errors.map((e) => e.field)).toEqual([
      "nativeOrderId",
      "destinationCountry",
      "buyerLocale",
      "items.0.quantity",
    ]);
  });

  it("refuses a duplicate native order id in the same store", async () => {
    await buildOrder(server, { nativeOrderId: "114-1111111-1111111" });
    const again = await server.request(CreateOrder, {
      input: {
        storeId: globalId("Store", server.tenant.amazonStoreId),
        nativeOrderId: "114-1111111-1111111",
        nativeStatus: "Unshipped",
        buyerLocale: "en-US",
        destinationCountry: "US",
        placedAt: "2026-11-01T09:30:00Z",
      },
    });
    expect(again.data?.createOrder.errors[0]).toMatchObject({
      code: "DUPLICATE",
      field: "nativeOrderId",
    });
  });

  it("refuses a mistyped check digit with suggestions, and accepts it with force", async () => {
    const orderId = await buildOrder(server);
    const input = { orderId, carrier: "ups", trackingNumber: "1z5r 8939-0357567128" };
    const refused = await server.request(ConfirmShipment, { input });
    const error = refused.data?.confirmShipment.errors[0];
    expect(error).toMatchObject({ code: "CHECK_DIGIT_MISMATCH", field: "trackingNumber" });
    expect(error?.message).toContain("1Z5R89390357567127");

    const forced = await server.request(ConfirmShipment, { input: { ...input, force: true } });
    expect(forced.data?.confirmShipment.shipment).toMatchObject({
      trackingNumber: "1Z5R89390357567128",
      status: "PENDING",
      substatus: "NOT_FOUND",
      carrier: { code: "ups", name: "UPS" },
    });
  });

  it("refuses a number that belongs to another carrier", async () => {
    const orderId = await buildOrder(server);
    const result = await server.request(ConfirmShipment, {
      input: { orderId, carrier: "fedex", trackingNumber: "1Z5R89390357567127" },
    });
    expect(result.data?.confirmShipment.errors[0]?.code).toBe("CARRIER_MISMATCH");
  });

  it("refuses an unknown carrier unless forced, and a number with punctuation", async () => {
    const orderId = await buildOrder(server);
    const unknown = await server.request(ConfirmShipment, {
      input: { orderId, carrier: "acme-post", trackingNumber: "AC123456789" },
    });
    expect(unknown.data?.confirmShipment.errors[0]?.code).toBe("UNKNOWN_CARRIER");
    const punctuation = await server.request(ConfirmShipment, {
      input: { orderId, carrier: "ups", trackingNumber: "1Z5R8939#0357567127" },
    });
    expect(punctuation.data?.confirmShipment.errors[0]).toMatchObject({
      code: "INVALID_CHARACTERS",
      field: "trackingNumber",
    });
  });
});

describe("API limits", () => {
  const Page = graphql(`
    query ShipmentsPage($first: Int) {
      shipments(first: $first) { edges { node { id } } pageInfo { hasNextPage } }
    }
  `);

  it("caps connections at 100 per page", async () => {
    const { db } = server.database;
    const order = await db.order.findFirstOrThrow({ where: { tenantId: server.tenant.tenantId } });
    await db.shipment.createMany({
      data: Array.from({ length: 105 }, (_, i) => ({
        tenantId: order.tenantId,
        orderId: order.id,
        storeId: order.storeId,
        carrier: "yunexpress",
        trackingNumber: `YT${String(2611000000000000 + i)}`,
      })),
    });
    const result = await server.request(Page, { first: 500 });
    expect(result.data?.shipments.edges).toHaveLength(100);
    expect(result.data?.shipments.pageInfo.hasNextPage).toBe(true);
  });

  it("rejects over-deep queries without leaking internals", async () => {
    const nest = (depth: number): string =>
      depth === 0 ? "id" : `order { shipments { ${nest(depth - 1)} } }`;
    const deep = `{ shipments(first: 1) { edges { node { ${nest(8)} } } } }`;
    const response = await fetch(server.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${server.tenant.apiKey}`,
      },
      body: JSON.stringify({ query: deep }),
    });
    const body = (await response.json()) as { errors: { message: string; extensions?: unknown }[] };
    expect(body.errors[0]?.message).toMatch(/depth/i);
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
  });
});
