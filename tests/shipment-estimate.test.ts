import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCalendarBook } from "../src/domain/eta/calendar.ts";
import { dayOfIso } from "../src/domain/eta/days.ts";
import { graphql } from "./generated/index.ts";
import { laneHistory, postHistory } from "./helpers/delivery-history.ts";
import { globalId, uniqueUpsNumber } from "./helpers/factories.ts";
import { ConfirmShipment, CreateOrder, RecordEvents } from "./helpers/operations.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

const ShipmentEstimate = graphql(`
  query ShipmentEstimate($id: ID!, $locale: Locale) {
    shipment(id: $id) {
      status
      estimatedDelivery {
        earliest
        latest
        mostLikely
        basis { level from }
        risks { code message }
        explanation(locale: $locale)
      }
    }
  }
`);

const ShipmentsWithEstimates = graphql(`
  query ShipmentsWithEstimates {
    shipments(first: 50) { edges { node { estimatedDelivery { mostLikely explanation } } } }
  }
`);

const ny = createCalendarBook().calendar("US", "NY");
const working = (date: Date) => ny.isWorkingDay(dayOfIso(date.toISOString()));

let server: TestServer;
beforeAll(async () => {
  // The test server's clock reads 2026-11-20T12:00Z (a Friday).
  server = await startTestServer();
  const lane = { from: "US", fromRegion: "CA", to: "US", toRegion: "NY" };
  await postHistory(server, laneHistory(100, lane, 3, working));
});
afterAll(() => server.close());

/** An Amazon US order promised by `promisedTo`, shipped, first scanned in California on `scannedAt`. */
async function shipped(
  promisedTo: string,
  scannedAt: string,
  more: { status: "DELIVERED"; occurredAt: string }[] = [],
) {
  const order = await server.request(CreateOrder, {
    input: {
      storeId: globalId("Store", server.tenant.amazonStoreId),
      nativeOrderId: `114-${Math.random().toString().slice(2, 9)}-0000001`,
      buyerLocale: "en-US",
      destinationCountry: "US",
      placedAt: "2026-11-13T09:00:00-08:00",
      promisedDeliveryFrom: "2026-11-17T00:00:00-08:00",
      promisedDeliveryTo: promisedTo,
      items: [{ nativeItemId: "A1", title: "Phone case", quantity: 1 }],
    },
  });
  const confirmed = await server.request(ConfirmShipment, {
    input: {
      orderId: order.data!.createOrder.order!.id,
      carrier: "ups",
      trackingNumber: uniqueUpsNumber(),
      shipDate: "2026-11-16T08:00:00-08:00",
    },
  });
  const shipmentId = confirmed.data!.confirmShipment.shipment!.id;
  const events = [
    {
      occurredAt: scannedAt,
      status: "IN_TRANSIT" as const,
      substatus: "PICKED_UP" as const,
      location: { countryCode: "US", region: "CA" },
    },
    ...more,
  ];
  const recorded = await server.request(RecordEvents, { input: { shipmentId, events } });
  expect(recorded.data!.recordTrackingEvents.errors).toEqual([]);
  // The events queue an exception check in the background; its queries are not the list's.
  await server.drainJobs();
  return shipmentId;
}

describe("Shipment.estimatedDelivery", () => {
  it("counts what is left from the hand-over, never before today, and flags Amazon's promise", async () => {
    // Scanned Monday 16: three business days is Thursday 19, but it is Friday 20 and no delivery yet.
    const id = await shipped("2026-11-19T23:59:00-08:00", "2026-11-16T10:00:00-08:00");
    const result = await server.request(ShipmentEstimate, { id });
    const estimate = result.data!.shipment!.estimatedDelivery!;
    expect(estimate.earliest >= "2026-11-20").toBe(true);
    expect(estimate.basis).toEqual({ level: "COUNTRY", from: "SHIPPED" });
    expect(estimate.risks.map((risk) => risk.code)).toEqual(["PAST_PROMISED_WINDOW"]);
    expect(estimate.explanation.at(-1)).toBe("May arrive after the promised date, Nov 19, 2026");
  });

  it("raises no risk when the estimate ends inside the promised window", async () => {
    const id = await shipped("2026-12-04T23:59:00-08:00", "2026-11-19T10:00:00-08:00");
    const estimate = (await server.request(ShipmentEstimate, { id })).data!.shipment!
      .estimatedDelivery!;
    expect(estimate.risks).toEqual([]);
    expect(estimate.mostLikely).toBe("2026-11-24");
  });

  it("is null once the parcel is delivered", async () => {
    const id = await shipped("2026-12-04T23:59:00-08:00", "2026-11-16T10:00:00-08:00", [
      { status: "DELIVERED", occurredAt: "2026-11-19T15:00:00-05:00" },
    ]);
    const result = await server.request(ShipmentEstimate, { id });
    expect(result.data!.shipment).toMatchObject({ status: "DELIVERED", estimatedDelivery: null });
  });
});

describe("a list of shipments with their estimates", () => {
  async function countQueries(): Promise<number> {
    server.database.queries.length = 0;
    const result = await server.request(ShipmentsWithEstimates);
    expect(result.errors).toBeUndefined();
    return server.database.queries.filter((sql) => !sql.includes('"ApiKey"')).length;
  }

  it("takes the same number of queries for more shipments (no N+1)", async () => {
    await countQueries(); // fits the model once
    const small = await countQueries();
    await shipped("2026-12-04T23:59:00-08:00", "2026-11-18T10:00:00-08:00");
    await shipped("2026-12-04T23:59:00-08:00", "2026-11-18T11:00:00-08:00");
    expect(await countQueries()).toBe(small);
    expect(small).toBeLessThanOrEqual(6);
  });
});
