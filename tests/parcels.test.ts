import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.ts";
import { buildOrder, uniqueUpsNumber } from "./helpers/factories.ts";
import { ConfirmShipment, RecordEvents, ShipmentTimeline } from "./helpers/operations.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const ConfirmWithWarnings = graphql(`
  mutation ConfirmWithWarnings($input: ConfirmShipmentInput!) {
    confirmShipment(input: $input) {
      shipment { id status substatus }
      errors { code message field }
      warnings { code message field }
    }
  }
`);

const ShippedAt = graphql(`
  mutation ShippedAt($input: ConfirmShipmentInput!) {
    confirmShipment(input: $input) { shipment { shippedAt } }
  }
`);

const OrderState = graphql(`
  query OrderState($id: ID!) { node(id: $id) { ... on Order { state nativeStatus { code } } } }
`);

const Tracked = graphql(`
  query Tracked($trackingNumber: String!) { trackShipment(trackingNumber: $trackingNumber) { status } }
`);

const scan = (occurredAt: string, status: "IN_TRANSIT" | "DELIVERED", rawCode: string) => ({
  occurredAt,
  status,
  rawCode,
  location: { city: "Louisville", countryCode: "US" },
});

async function ship(orderId: string, trackingNumber: string, shipDate?: string) {
  const result = await server.request(ConfirmWithWarnings, {
    input: { orderId, carrier: "ups", trackingNumber, shipDate },
  });
  return result.data!.confirmShipment;
}

describe("one parcel for several orders", () => {
  it("shares the parcel's events with a second order and says the number is reused", async () => {
    const number = uniqueUpsNumber();
    const first = await buildOrder(server, { nativeOrderId: "114-1000001-0000001" });
    const firstShipment = (await ship(first, number)).shipment!.id;
    await server.request(RecordEvents, {
      input: {
        shipmentId: firstShipment,
        events: [scan("2026-11-03T09:00:00-05:00", "IN_TRANSIT", "AR")],
      },
    });

    const second = await ship(await buildOrder(server), number);
    expect(second.errors).toEqual([]);
    expect(second.warnings).toMatchObject([
      { code: "TRACKING_NUMBER_REUSED", field: "trackingNumber" },
    ]);
    expect(second.warnings[0]?.message).toContain("114-1000001-0000001");
    expect(second.shipment?.status).toBe("IN_TRANSIT");
    expect(
      (await server.request(Tracked, { trackingNumber: number })).data?.trackShipment?.status,
    ).toBe("IN_TRANSIT");

    // An event recorded for one of them is recorded for both.
    await server.request(RecordEvents, {
      input: {
        shipmentId: firstShipment,
        events: [scan("2026-11-04T14:00:00-05:00", "DELIVERED", "KB")],
      },
    });
    const timeline = async (id: string) =>
      (await server.request(ShipmentTimeline, { id })).data?.shipment?.timeline.map(
        (e) => e.rawCode,
      );
    expect(await timeline(second.shipment!.id)).toEqual(["AR", "KB"]);
    expect(await timeline(firstShipment)).toEqual(["AR", "KB"]);
  });
});

describe("orders follow their parcels", () => {
  it("become DELIVERED when their last parcel is delivered, not before", async () => {
    const orderId = await buildOrder(server);
    const one = (await ship(orderId, uniqueUpsNumber())).shipment!.id;
    const two = (await ship(orderId, uniqueUpsNumber())).shipment!.id;
    const deliver = (shipmentId: string) =>
      server.request(RecordEvents, {
        input: { shipmentId, events: [scan("2026-11-05T10:00:00-05:00", "DELIVERED", "KB")] },
      });
    const state = async () =>
      ((await server.request(OrderState, { id: orderId })).data?.node as { state?: string } | null)
        ?.state;

    await deliver(one);
    expect(await state()).toBe("SHIPPED");
    await deliver(two);
    expect(await state()).toBe("DELIVERED");
  });
});

describe("dates that cannot be right", () => {
  it("refuses a ship date in the future or before the order, naming the field", async () => {
    const orderId = await buildOrder(server);
    const future = await ship(orderId, uniqueUpsNumber(), "2026-12-24T10:00:00Z");
    expect(future.errors).toMatchObject([{ code: "DATE_OUT_OF_RANGE", field: "shipDate" }]);
    const early = await ship(orderId, uniqueUpsNumber(), "2026-10-01T10:00:00Z");
    expect(early.errors).toMatchObject([{ code: "DATE_OUT_OF_RANGE", field: "shipDate" }]);
  });

  it("refuses a scan days before the order was placed and keeps the good ones", async () => {
    const orderId = await buildOrder(server);
    const shipmentId = (await ship(orderId, uniqueUpsNumber())).shipment!.id;
    const result = await server.request(RecordEvents, {
      input: {
        shipmentId,
        events: [
          scan("2025-06-01T10:00:00Z", "IN_TRANSIT", "OLD"),
          scan("2026-11-03T10:00:00Z", "IN_TRANSIT", "NEW"),
        ],
      },
    });
    expect(result.data?.recordTrackingEvents.recordedCount).toBe(1);
    expect(result.data?.recordTrackingEvents.errors).toMatchObject([
      { code: "EVENT_BEFORE_ORDER", field: "events.0.occurredAt" },
    ]);
  });
});

describe("confirmShipment", () => {
  it("keeps the ship date in the offset it was given in", async () => {
    const orderId = await buildOrder(server);
    const result = await server.request(ShippedAt, {
      input: {
        orderId,
        carrier: "ups",
        trackingNumber: uniqueUpsNumber(),
        shipDate: "2026-11-02T10:00:00-08:00",
      },
    });
    expect(result.data?.confirmShipment.shipment?.shippedAt).toBe("2026-11-02T10:00:00-08:00");
  });

  it("accepts a number of no known format with a warning instead of refusing it", async () => {
    const orderId = await buildOrder(server);
    const result = await server.request(ConfirmWithWarnings, {
      input: { orderId, carrier: "yanwen", trackingNumber: "YW-2026-00042" },
    });
    expect(result.data?.confirmShipment.errors).toEqual([]);
    expect(result.data?.confirmShipment.shipment).not.toBeNull();
    expect(result.data?.confirmShipment.warnings).toMatchObject([
      { code: "NO_KNOWN_FORMAT", field: "trackingNumber" },
    ]);
  });

  it("still tells a number that fails its check digit from one of no known format", async () => {
    const orderId = await buildOrder(server);
    const wrong = await server.request(ConfirmShipment, {
      input: { orderId, carrier: "ups", trackingNumber: "1Z5R89390357567128" },
    });
    expect(wrong.data?.confirmShipment.errors[0]?.code).toBe("CHECK_DIGIT_MISMATCH");
  });
});
