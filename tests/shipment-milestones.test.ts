import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCalendarBook } from "../src/domain/eta/calendar.ts";
import { dayOfIso, isoOfDay } from "../src/domain/eta/days.ts";
import { addBusinessDays } from "../src/domain/eta/journey.ts";
import { graphql } from "./generated/index.ts";
import { buildShipment } from "./helpers/factories.ts";
import { RecordEvents } from "./helpers/operations.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

const Estimate = graphql(`
  query MilestoneEstimate($id: ID!) {
    shipment(id: $id) {
      estimatedDelivery { mostLikely basis { from } legs { milestone earliest latest } }
    }
  }
`);
const EstimateUpdated = graphql(`
  subscription EstimateUpdated($id: ID!) {
    shipmentUpdated(id: $id) { status estimatedDelivery { mostLikely basis { from } } }
  }
`);

const CA = { countryCode: "US", region: "CA" };
const NY = { countryCode: "US", region: "NY" };

let server: TestServer;

async function record(shipmentId: string, events: Record<string, unknown>[]) {
  const result = await server.request(RecordEvents, { input: { shipmentId, events } } as never);
  expect(result.data?.recordTrackingEvents.errors).toEqual([]);
}

beforeAll(async () => {
  // Now is Friday 2026-11-20. Twelve parcels of this seller: picked up in California, out for
  // delivery in New York, delivered that afternoon.
  server = await startTestServer();
  // Pick-ups on every New York working day from 26 Oct, out for delivery two business days
  // later (counted with the same holiday library: Election Day and Veterans Day are off there).
  const ny = createCalendarBook().calendar("US", "NY");
  const journeys: [string, string][] = [];
  for (let day = dayOfIso("2026-10-26"); journeys.length < 12; day++) {
    if (!ny.isWorkingDay(day)) continue;
    journeys.push([isoOfDay(day).slice(5), isoOfDay(addBusinessDays(day, 2, ny)).slice(5)]);
  }
  for (const [pickup, out] of journeys) {
    const id = await buildShipment(server, { placedAt: "2026-10-20T09:00:00-07:00" });
    await record(id, [
      {
        occurredAt: `2026-${pickup}T10:00:00-08:00`,
        status: "IN_TRANSIT",
        substatus: "PICKED_UP",
        location: CA,
      },
      { occurredAt: `2026-${out}T08:00:00-05:00`, status: "OUT_FOR_DELIVERY", location: NY },
      { occurredAt: `2026-${out}T15:00:00-05:00`, status: "DELIVERED", location: NY },
    ]);
  }
});
afterAll(() => server.close());

describe("estimates from the seller's own delivered shipments", () => {
  it("gives the window of each milestone to come, then counts from the latest one, pushed live", async () => {
    const id = await buildShipment(server);
    await record(id, [
      {
        occurredAt: "2026-11-19T10:00:00-08:00",
        status: "IN_TRANSIT",
        substatus: "PICKED_UP",
        location: CA,
      },
    ]);
    const before = (await server.request(Estimate, { id })).data!.shipment!.estimatedDelivery!;
    expect(before).toEqual({
      mostLikely: "2026-11-23",
      basis: { from: "SHIPPED" },
      legs: [{ milestone: "OUT_FOR_DELIVERY", earliest: "2026-11-23", latest: "2026-11-23" }],
    });

    const client = server.wsClient();
    const first = new Promise<unknown>((resolve, reject) => {
      client.subscribe(
        { query: print(EstimateUpdated), variables: { id } },
        { next: resolve, error: reject, complete: () => {} },
      );
    });
    // graphql-ws gives no "subscribed" ack: a round trip on the same socket orders us after it
    // (the pause covers Redis, whose SUBSCRIBE is not awaited), as tests/subscriptions does.
    await new Promise<void>((resolve, reject) => {
      client.subscribe(
        { query: "{ __typename }" },
        { next: () => {}, error: reject, complete: resolve },
      );
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await record(id, [
      { occurredAt: "2026-11-20T08:00:00-05:00", status: "OUT_FOR_DELIVERY", location: NY },
    ]);
    expect(await first).toEqual({
      data: {
        shipmentUpdated: {
          status: "OUT_FOR_DELIVERY",
          estimatedDelivery: { mostLikely: "2026-11-20", basis: { from: "OUT_FOR_DELIVERY" } },
        },
      },
    });
  });
});
