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

const text = (length: number) => "x".repeat(length);

describe("text inputs of mutations", () => {
  it("refuses an over-long event text on that event only, naming the field", async () => {
    const id = await buildShipment(server);
    const result = await server.request(RecordEvents, {
      input: {
        shipmentId: id,
        events: [
          {
            occurredAt: "2026-11-03T09:00:00+08:00",
            status: "IN_TRANSIT",
            rawDescription: text(2000),
          },
          {
            occurredAt: "2026-11-03T10:00:00+08:00",
            status: "IN_TRANSIT",
            rawDescription: text(2001),
            location: { city: text(201) },
          },
        ],
      },
    });
    const payload = result.data?.recordTrackingEvents;
    expect(payload?.recordedCount).toBe(1);
    expect(payload?.errors).toEqual([
      {
        code: "TOO_LONG",
        message: "events.1.rawDescription is 2001 characters long; it takes at most 2000",
        field: "events.1.rawDescription",
      },
      {
        code: "TOO_LONG",
        message: "events.1.location.city is 201 characters long; it takes at most 200",
        field: "events.1.location.city",
      },
    ]);
  });

  // A 10 MB text is refused earlier, as an over-size body (HTTP 413, tests/transport-limits).
  it("refuses a text over 10,000 characters before anything runs, and stores nothing", async () => {
    const id = await buildShipment(server);
    const small = await server.request(RecordEvents, {
      input: { shipmentId: id, events: [] },
    });
    expect(small.errors).toBeUndefined();
    const result = await server.request(RecordEvents, {
      input: {
        shipmentId: id,
        events: [
          {
            occurredAt: "2026-11-03T09:00:00+08:00",
            status: "IN_TRANSIT",
            rawDescription: text(20_000),
          },
        ],
      },
    });
    expect(result.errors?.[0]).toMatchObject({
      message:
        "Variable $input.events.0.rawDescription is longer than 10000 characters, the most any text in a request may have",
      extensions: { code: "TOO_LONG" },
    });
    const { data } = await server.request(ShipmentTimeline, { id });
    expect(data?.shipment?.timeline).toEqual([]);
  });

  it("caps every text of an order, its items' too", async () => {
    const result = await server.request(CreateOrder, {
      input: {
        storeId: globalId("Store", server.tenant.amazonStoreId),
        nativeOrderId: text(201),
        nativeStatus: text(101),
        buyerLocale: text(65),
        destinationCountry: text(11),
        placedAt: "2026-11-01T09:30:00Z",
        items: [{ nativeItemId: "A1", sku: text(201), title: text(501), quantity: 1 }],
      },
    });
    expect(result.data?.createOrder.errors.map((error) => [error.code, error.field])).toEqual([
      ["TOO_LONG", "nativeOrderId"],
      ["TOO_LONG", "nativeStatus"],
      ["TOO_LONG", "buyerLocale"],
      ["TOO_LONG", "destinationCountry"],
      ["TOO_LONG", "items.0.sku"],
      ["TOO_LONG", "items.0.title"],
    ]);
  });

  it("caps store names, native statuses and shipment fields", async () => {
    const CreateStore = graphql(`
      mutation CreateStoreLimits($input: CreateStoreInput!) {
        createStore(input: $input) { store { id } errors { code message field } }
      }
    `);
    const store = await server.request(CreateStore, {
      input: { marketplace: "shopee", site: "TH", name: text(201) },
    });
    expect(store.data?.createStore.errors).toEqual([
      {
        code: "TOO_LONG",
        message: "name is 201 characters long; it takes at most 200",
        field: "name",
      },
    ]);

    const UpdateStatus = graphql(`
      mutation UpdateStatusLimits($input: UpdateOrderStatusInput!) {
        updateOrderStatus(input: $input) { order { id } errors { code field } }
      }
    `);
    const orderId = await buildOrder(server);
    const status = await server.request(UpdateStatus, {
      input: { orderId, nativeStatus: text(101) },
    });
    expect(status.data?.updateOrderStatus.errors).toEqual([
      { code: "TOO_LONG", field: "nativeStatus" },
    ]);

    const shipment = await server.request(ConfirmShipment, {
      input: {
        orderId,
        carrier: "ups",
        trackingNumber: `1Z5R89390357567127${" ".repeat(47)}`,
        shippingMethod: text(201),
      },
    });
    expect(shipment.data?.confirmShipment.errors.map((error) => error.field)).toEqual([
      "trackingNumber",
      "shippingMethod",
    ]);
  });
});

describe("text arguments of queries", () => {
  it("fail the field with TOO_LONG naming the argument", async () => {
    const Track = graphql(`
      query TrackLimits($trackingNumber: String!) {
        trackShipment(trackingNumber: $trackingNumber) { id }
      }
    `);
    const result = await server.request(Track, { trackingNumber: text(65) });
    expect(result.errors?.[0]).toMatchObject({
      message: "trackingNumber is 65 characters long; it takes at most 64",
      extensions: { code: "TOO_LONG", field: "trackingNumber" },
    });

    const Filtered = graphql(`
      query FilterLimits($filter: ShipmentFilter) {
        shipments(filter: $filter) { edges { node { id } } }
      }
    `);
    const filtered = await server.request(Filtered, { filter: { carrier: text(101) } });
    expect(filtered.errors?.[0]?.extensions).toMatchObject({
      code: "TOO_LONG",
      field: "filter.carrier",
    });
  });

  it("refuses a locale longer than a language tag can be", async () => {
    const id = await buildShipment(server);
    const result = await server.request(ShipmentTimeline, { id, locale: `en-${text(62)}` });
    expect(result.errors?.[0]?.message).toContain(
      "Locale is 65 characters long; a language tag takes at most 64",
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: "TOO_LONG" });
  });
});
