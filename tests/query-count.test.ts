import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.ts";
import { buildShipment } from "./helpers/factories.ts";
import { RecordEvents } from "./helpers/operations.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

let server: TestServer;
beforeAll(async () => {
  // What the database is asked when an answer is computed: the response cache would answer the
  // repeated queries itself (tests/response-cache.test.ts counts that).
  server = await startTestServer({ responseCache: false });
});
afterAll(() => server.close());

const ShipmentsWithTimelines = graphql(`
  query ShipmentsWithTimelines {
    shipments(first: 50) { edges { node { order { id } timeline { status } } } }
  }
`);

const OrdersWithShipments = graphql(`
  query OrdersWithShipments {
    orders(first: 50) { edges { node { id store { site { code } } shipments { trackingNumber timeline { status } } } } }
  }
`);

const ShipmentPageTimelines = graphql(`
  query ShipmentPageTimelines($first: Int!) {
    shipments(first: $first) {
      edges { node { id timelineCount timeline { occurredAt status description location { city coordinates { latitude precision } } } } }
    }
  }
`);

const ShipmentRoutes = graphql(`
  query ShipmentRoutes($first: Int!) {
    shipments(first: $first) {
      edges { node { id route { city coordinates { latitude } } currentPlace { city } } }
    }
  }
`);

async function countQueries(run: () => Promise<unknown>): Promise<number> {
  // Jobs the setup queued (each recorded batch queues an exception check) must not be counted.
  await server.drainJobs();
  server.database.queries.length = 0;
  await run();
  // The API-key lookup is one query per request, whatever the request asks.
  return server.database.queries.filter((sql) => !sql.includes('"ApiKey"')).length;
}

async function addShipments(count: number) {
  for (let i = 0; i < count; i++) {
    const id = await buildShipment(server);
    await server.request(RecordEvents, {
      input: {
        shipmentId: id,
        events: [
          { occurredAt: "2026-11-03T09:00:00+08:00", status: "INFO_RECEIVED" },
          { occurredAt: "2026-11-04T09:00:00+08:00", status: "IN_TRANSIT" },
        ],
      },
    });
  }
  // Recorded events queue background work (exception checks) whose queries must not be counted.
  await server.drainJobs();
}

describe("no N+1 on the main list queries", () => {
  it("runs shipments { order timeline } in the same number of queries for 2 and for 12 shipments", async () => {
    await addShipments(2);
    const small = await countQueries(() => server.request(ShipmentsWithTimelines));
    await addShipments(10);
    const result = await server.request(ShipmentsWithTimelines);
    expect(result.data?.shipments.edges).toHaveLength(12);
    const large = await countQueries(() => server.request(ShipmentsWithTimelines));
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(4);
  });

  it("runs shipments(first) { timeline } in the same statements for a page of 5 or 50, short or long timelines", async () => {
    await addShipments(12);
    const page = async (first: number) => {
      const result = await server.request(ShipmentPageTimelines, { first });
      expect(result.errors).toBeUndefined();
      return result.data!.shipments.edges;
    };
    expect(await page(5)).toHaveLength(5);
    const five = await countQueries(() => page(5));
    const fifty = await countQueries(() => page(50));
    expect((await page(50)).length).toBeGreaterThanOrEqual(12);
    // Longer timelines on every shipment of the page.
    for (const { node } of await page(50)) {
      await server.request(RecordEvents, {
        input: {
          shipmentId: node.id,
          events: Array.from({ length: 8 }, (_, hour) => ({
            occurredAt: `2026-11-05T${String(10 + hour).padStart(2, "0")}:00:00+08:00`,
            status: "IN_TRANSIT" as const,
            location: { city: "Shenzhen", countryCode: "CN" },
          })),
        },
      });
    }
    const long = await page(50);
    expect(long.every(({ node }) => node.timeline.length >= 10)).toBe(true);
    const fiftyLong = await countQueries(() => page(50));
    expect({ fifty, fiftyLong }).toEqual({ fifty: five, fiftyLong: five });
    expect(five).toBeLessThanOrEqual(4);
  });

  it("runs orders { store shipments { timeline } } in a constant number of queries", async () => {
    const before = await countQueries(() => server.request(OrdersWithShipments));
    await addShipments(5);
    const after = await countQueries(() => server.request(OrdersWithShipments));
    expect(after).toBe(before);
  });

  it("runs shipments(first) { route currentPlace } in the same statements for a page of 2 or 50", async () => {
    const routes = async (first: number) => {
      const result = await server.request(ShipmentRoutes, { first });
      expect(result.errors).toBeUndefined();
      return result.data!.shipments.edges;
    };
    await addShipments(2);
    const two = await countQueries(() => routes(2));
    for (const { node } of await routes(50)) {
      await server.request(RecordEvents, {
        input: {
          shipmentId: node.id,
          events: [
            {
              occurredAt: "2026-11-06T10:00:00+08:00",
              status: "IN_TRANSIT",
              location: { city: "Yiwu", countryCode: "CN" },
            },
            {
              occurredAt: "2026-11-07T10:00:00+08:00",
              status: "IN_TRANSIT",
              location: { city: "Osaka", countryCode: "JP" },
            },
          ],
        },
      });
    }
    const page = await routes(50);
    expect(page.every(({ node }) => node.currentPlace?.city === "Osaka")).toBe(true);
    expect(page.length).toBeGreaterThan(2);
    // The shipments, then one statement for every route of the page (currentPlace shares it).
    expect(await countQueries(() => routes(50))).toBe(two);
    expect(two).toBeLessThanOrEqual(2);
  });
});
