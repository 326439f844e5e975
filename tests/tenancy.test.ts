import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.ts";
import { buildOrder, buildShipment, globalId } from "./helpers/factories.ts";
import { ConfirmShipment, RecordEvents, ShipmentTimeline } from "./helpers/operations.ts";
import { startTestServer, type TestServer, type TestTenant } from "./helpers/test-server.ts";

let server: TestServer;
let other: TestTenant;
let shipmentOfA: string;

beforeAll(async () => {
  server = await startTestServer();
  other = await server.createTenant("Tenant B");
  shipmentOfA = await buildShipment(server, { trackingNumber: "1Z5R89390357567127" });
});
afterAll(() => server.close());

const Everything = graphql(`
  query Everything($nodeId: ID!, $trackingNumber: String!) {
    node(id: $nodeId) { id }
    shipments(first: 100) { edges { node { id } } }
    orders(first: 100) { edges { node { id } } }
    stores { id }
    trackShipment(trackingNumber: $trackingNumber) { id }
  }
`);

describe("tenant scoping", () => {
  it("shows another tenant nothing of this tenant's rows", async () => {
    const asB = await server.request(
      Everything,
      { nodeId: shipmentOfA, trackingNumber: "1Z5R89390357567127" },
      other.apiKey,
    );
    expect(asB.errors).toBeUndefined();
    expect(asB.data).toMatchObject({
      node: null,
      shipments: { edges: [] },
      orders: { edges: [] },
      trackShipment: null,
    });
    expect(asB.data?.stores).toHaveLength(2);
    expect(
      (await server.request(ShipmentTimeline, { id: shipmentOfA }, other.apiKey)).data?.shipment,
    ).toBeNull();

    const asA = await server.request(Everything, {
      nodeId: shipmentOfA,
      trackingNumber: "1z5r 8939 0357 5671 27",
    });
    expect(asA.data?.node?.id).toBe(shipmentOfA);
    expect(asA.data?.trackShipment?.id).toBe(shipmentOfA);
  });

  it("refuses writes to another tenant's order, shipment and store", async () => {
    const orderOfA = await buildOrder(server);
    const confirm = await server.request(
      ConfirmShipment,
      { input: { orderId: orderOfA, carrier: "ups", trackingNumber: "1Z5R89390357567127" } },
      other.apiKey,
    );
    expect(confirm.data?.confirmShipment.errors[0]?.code).toBe("NOT_FOUND");

    const record = await server.request(
      RecordEvents,
      {
        input: {
          shipmentId: shipmentOfA,
          events: [{ occurredAt: "2026-11-03T09:00:00Z", status: "DELIVERED" }],
        },
      },
      other.apiKey,
    );
    expect(record.data?.recordTrackingEvents.errors[0]?.code).toBe("NOT_FOUND");
    expect(
      (await server.request(ShipmentTimeline, { id: shipmentOfA })).data?.shipment?.status,
    ).toBe("PENDING");

    const intoForeignStore = buildOrder(server, {
      apiKey: other.apiKey,
      storeId: globalId("Store", server.tenant.amazonStoreId),
    });
    await expect(intoForeignStore).rejects.toThrow(/NOT_FOUND/);
  });

  it("answers 401 without a valid key", async () => {
    for (const authorization of [undefined, "Bearer tl_test_nope", "Basic abc"]) {
      const response = await fetch(server.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(authorization ? { authorization } : {}),
        },
        body: JSON.stringify({ query: "{ stores { id } }" }),
      });
      expect(response.status).toBe(401);
      const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
      expect(body.errors[0]?.extensions.code).toBe("UNAUTHENTICATED");
    }
  });

  it("returns FORBIDDEN to a read-only key that tries to write", async () => {
    const { createApiKey } = await import("../src/server/api-keys.ts");
    const readOnly = await createApiKey(server.database.db, {
      tenantId: server.tenant.tenantId,
      name: "read-only",
      scopes: ["read"],
    });
    const result = await server.request(
      RecordEvents,
      { input: { shipmentId: shipmentOfA, events: [] } },
      readOnly,
    );
    expect(result.data?.recordTrackingEvents.errors[0]?.code).toBe("FORBIDDEN");
  });
});
