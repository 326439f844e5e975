import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.ts";
import { buildOrder, buildShipment, globalId } from "./helpers/factories.ts";
import { CreateOrder } from "./helpers/operations.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** A POST of any text, for requests the typed documents cannot express (too many aliases). */
async function post(query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(server.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: `Bearer ${server.tenant.apiKey}`,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: unknown;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
  return { status: response.status, body };
}

/** Stores `count` events for a shipment straight into the database, a minute apart. */
async function addEvents(shipmentGlobalId: string, count: number) {
  const shipmentId = Buffer.from(shipmentGlobalId, "base64").toString().split(":")[1]!;
  await server.database.db.trackingEvent.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      shipmentId,
      occurredAt: new Date(Date.UTC(2026, 10, 3) + i * 60_000),
      utcOffsetMinutes: 480,
      status: "IN_TRANSIT" as const,
      rawCode: `E${i}`,
      rawDescription: `event ${i}`,
      source: "IMPORT" as const,
      dedupeKey: `${shipmentId}-${i}`,
    })),
  });
}

const CostedTimelines = graphql(`
  query CostedTimelines($shipments: Int, $entries: Int) {
    shipments(first: $shipments) {
      edges { node { id timeline(first: $entries) { occurredAt status description } } }
    }
  }
`);

describe("query cost", () => {
  it("counts first from variables and refuses an over-budget request before it runs", async () => {
    await buildShipment(server);
    server.database.queries.length = 0;
    const result = await server.request(CostedTimelines, { shipments: 100, entries: 500 });
    // 1 (shipments) + 100 x (edges 1 + node 1 + id 1 + timeline 1 + 500 x 3 fields)
    expect(result.errors).toEqual([
      expect.objectContaining({
        message:
          "Query cost 150401 is over the limit of 100000: ask for smaller pages (first) or fewer fields",
        extensions: { code: "QUERY_TOO_COMPLEX", cost: 150401, limit: 100000 },
      }),
    ]);
    expect(result.data).toBeUndefined();
    const ran = server.database.queries.filter((sql) => !sql.includes('"ApiKey"'));
    expect(ran).toEqual([]);
  });

  it("costs a literal first exactly like the same value in a variable", async () => {
    const literal = await post(
      "{ shipments(first: 100) { edges { node { id timeline(first: 500) { occurredAt status description } } } } }",
    );
    expect(literal.body.errors?.[0]?.extensions).toMatchObject({
      code: "QUERY_TOO_COMPLEX",
      cost: 150401,
    });
  });

  it("lets through what fits the budget", async () => {
    const result = await server.request(CostedTimelines, { shipments: 100, entries: 300 });
    expect(result.errors).toBeUndefined();
    expect(result.data?.shipments.edges.length).toBeGreaterThan(0);
  });

  it("judges each request by its own variables, whatever the same document cost before", async () => {
    const cheap = await server.request(CostedTimelines, { shipments: 1, entries: 1 });
    expect(cheap.errors).toBeUndefined();
    const costly = await server.request(CostedTimelines, { shipments: 100, entries: 500 });
    expect(costly.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    const cheapAgain = await server.request(CostedTimelines, { shipments: 1, entries: 1 });
    expect(cheapAgain.errors).toBeUndefined();
  });
});

const TimelinePage = graphql(`
  query TimelinePage($id: ID!, $first: Int, $after: String) {
    shipment(id: $id) {
      timelineCount
      timeline(first: $first, after: $after) { cursor rawCode occurredAt }
    }
  }
`);

describe("Shipment.timeline pages", () => {
  let id: string;
  beforeAll(async () => {
    id = await buildShipment(server, { trackingNumber: "1Z5R89390357567127" });
    await addEvents(id, 520);
  });

  it("returns the oldest 100 by default and counts them all", async () => {
    const { data } = await server.request(TimelinePage, { id });
    expect(data?.shipment?.timelineCount).toBe(520);
    expect(data?.shipment?.timeline.map((entry) => entry.rawCode)).toEqual(
      Array.from({ length: 100 }, (_, i) => `E${i}`),
    );
    expect(data?.shipment?.timeline[0]?.occurredAt).toBe("2026-11-03T08:00:00+08:00");
  });

  it("reads at most 500 at a time, and pages through every entry in order", async () => {
    const big = await server.request(TimelinePage, { id, first: 10_000 });
    expect(big.data?.shipment?.timeline).toHaveLength(500);

    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const { data, errors } = await server.request(TimelinePage, { id, first: 150, after });
      expect(errors).toBeUndefined();
      const page = data?.shipment?.timeline ?? [];
      seen.push(...page.map((entry) => entry.rawCode));
      if (page.length < 150) break;
      after = page.at(-1)?.cursor;
    }
    expect(seen).toEqual(Array.from({ length: 520 }, (_, i) => `E${i}`));
  });

  it("refuses a negative page size and a cursor it did not make", async () => {
    const negative = await server.request(TimelinePage, { id, first: -1 });
    expect(negative.errors?.[0]).toMatchObject({
      message: 'Argument "first" must be a non-negative integer',
      extensions: { code: "BAD_USER_INPUT" },
    });
    const forged = await server.request(TimelinePage, { id, after: "not-a-cursor" });
    expect(forged.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT" });
  });
});

describe("list caps", () => {
  it("refuses nodes(ids) with more than 100 ids", async () => {
    const Nodes = graphql(`query Nodes($ids: [ID!]!) { nodes(ids: $ids) { id } }`);
    const shipment = await buildShipment(server);
    const hundred = await server.request(Nodes, { ids: Array(100).fill(shipment) });
    expect(hundred.data?.nodes).toHaveLength(100);
    const tooMany = await server.request(Nodes, { ids: Array(101).fill(shipment) });
    expect(tooMany.errors?.[0]).toMatchObject({
      message: "nodes takes at most 100 ids, got 101",
      extensions: { code: "TOO_MANY" },
    });
  });

  it("refuses an order with more than 500 items", async () => {
    const items = Array.from({ length: 501 }, (_, i) => ({
      nativeItemId: `I${i}`,
      title: "Cable",
      quantity: 1,
    }));
    const result = await server.request(CreateOrder, {
      input: {
        storeId: globalId("Store", server.tenant.amazonStoreId),
        nativeOrderId: "114-5010000-0000001",
        destinationCountry: "US",
        placedAt: "2026-11-01T09:30:00Z",
        items,
      },
    });
    expect(result.data?.createOrder.errors).toEqual([
      { code: "TOO_MANY", message: "at most 500 items per order, got 501", field: "items" },
    ]);
  });

  it("pages an order's shipments: 10 by default, more when asked", async () => {
    const orderId = await buildOrder(server);
    const { db } = server.database;
    const order = await db.order.findUniqueOrThrow({
      where: { id: Buffer.from(orderId, "base64").toString().split(":")[1]! },
    });
    await db.shipment.createMany({
      data: Array.from({ length: 12 }, (_, i) => ({
        tenantId: order.tenantId,
        orderId: order.id,
        storeId: order.storeId,
        carrier: "yunexpress",
        trackingNumber: `YT26120000000000${String(i).padStart(2, "0")}`,
        createdAt: new Date(Date.UTC(2026, 10, 2, 0, i)),
      })),
    });
    const OrderShipments = graphql(`
      query OrderShipments($id: ID!, $first: Int) {
        node(id: $id) { ... on Order { shipments(first: $first) { trackingNumber } } }
      }
    `);
    const numbers = async (first?: number) => {
      const { data } = await server.request(OrderShipments, { id: orderId, first });
      const node = data?.node;
      return node && "shipments" in node ? node.shipments.map((s) => s.trackingNumber) : [];
    };
    expect(await numbers()).toHaveLength(10);
    expect((await numbers())[0]).toBe("YT2612000000000000");
    expect(await numbers(12)).toHaveLength(12);
  });
});

describe("document shape limits", () => {
  it("calls too many aliases a validation error, not a syntax error", async () => {
    const aliases = Array.from({ length: 21 }, (_, i) => `a${i}: stores { id }`).join(" ");
    const { body } = await post(`{ ${aliases} }`);
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: "Too many aliases: the query uses 21, the limit is 20",
        extensions: { code: "TOO_MANY_ALIASES", limit: 20 },
      }),
    ]);
  });

  it("names depth with a code of its own", async () => {
    const nest = (depth: number): string =>
      depth === 0 ? "id" : `order { shipments { ${nest(depth - 1)} } }`;
    const { body } = await post(`{ shipments(first: 1) { edges { node { ${nest(8)} } } } }`);
    expect(body.errors?.[0]).toMatchObject({
      message: "Query depth 20 is over the limit of 12",
      extensions: { code: "QUERY_TOO_DEEP" },
    });
  });
});
