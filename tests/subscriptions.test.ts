import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/index.ts";
import { buildShipment, globalId } from "./helpers/factories.ts";
import { settle, subscribe } from "./helpers/live.ts";
import { RecordEvents } from "./helpers/operations.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const ShipmentUpdated = graphql(`
  subscription ShipmentUpdated($id: ID!) {
    shipmentUpdated(id: $id) { id status substatus }
  }
`);

const TrackingEventAdded = graphql(`
  subscription TrackingEventAdded($storeId: ID, $locale: Locale) {
    trackingEventAdded(storeId: $storeId, locale: $locale) {
      shipment { id trackingNumber }
      events { status description occurredAt }
    }
  }
`);

describe("live updates over graphql-ws", () => {
  it("pushes shipmentUpdated and trackingEventAdded when events are recorded through the mutation", async () => {
    const id = await buildShipment(server, { trackingNumber: "1Z5R89390357567127" });
    const client = server.wsClient();
    const updated = subscribe(client, print(ShipmentUpdated), { id });
    const added = subscribe(client, print(TrackingEventAdded), {
      storeId: globalId("Store", server.tenant.amazonStoreId),
      locale: "zh-Hans",
    });
    const otherStore = subscribe(client, print(TrackingEventAdded), {
      storeId: globalId("Store", server.tenant.shopeeStoreId),
    });
    await settle(client);

    await server.request(RecordEvents, {
      input: {
        shipmentId: id,
        events: [
          { occurredAt: "2026-11-10T09:15:00-05:00", status: "OUT_FOR_DELIVERY", rawCode: "OT" },
        ],
      },
    });
    await Promise.all([updated.next(1), added.next(1)]);
    expect(updated.errors).toEqual([]);
    expect(updated.received[0]?.data).toEqual({
      shipmentUpdated: { id, status: "OUT_FOR_DELIVERY", substatus: null },
    });
    expect(added.received[0]?.data).toMatchObject({
      trackingEventAdded: {
        shipment: { id, trackingNumber: "1Z5R89390357567127" },
        events: [
          {
            status: "OUT_FOR_DELIVERY",
            description: "派送中",
            occurredAt: "2026-11-10T09:15:00-05:00",
          },
        ],
      },
    });
    expect(otherStore.received).toEqual([]);
    updated.dispose();
    added.dispose();
    otherStore.dispose();
  });

  it("does not let another tenant subscribe to a shipment", async () => {
    const id = await buildShipment(server);
    const other = await server.createTenant("Tenant B");
    const sub = subscribe(server.wsClient(other.apiKey), print(ShipmentUpdated), { id });
    await sub.next(1);
    const message = JSON.stringify(sub.received[0]?.errors ?? sub.errors);
    expect(message).toContain("no such shipment for this API key");
  });

  it("closes a WebSocket connection with an invalid key", async () => {
    const sub = subscribe(server.wsClient("tl_test_invalid"), print(ShipmentUpdated), { id: "x" });
    await sub.next(1);
    expect(sub.errors).toHaveLength(1);
    expect(sub.received).toEqual([]);
  });
});

describe("live updates over SSE", () => {
  it("streams shipmentUpdated to a client that sends the API key as a header", async () => {
    const id = await buildShipment(server);
    const controller = new AbortController();
    const response = await fetch(server.url, {
      method: "POST",
      signal: controller.signal,
      headers: {
        "content-type": "application/json",
        accept: "text/event-stream",
        authorization: `Bearer ${server.tenant.apiKey}`,
      },
      body: JSON.stringify({ query: print(ShipmentUpdated), variables: { id } }),
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const firstEvent = (async () => {
      let text = "";
      while (!text.includes("event: next")) {
        const { value, done } = await reader.read();
        if (done) break;
        text += new TextDecoder().decode(value);
      }
      return text;
    })();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await server.request(RecordEvents, {
      input: {
        shipmentId: id,
        events: [{ occurredAt: "2026-11-11T09:00:00+08:00", status: "IN_TRANSIT" }],
      },
    });
    const text = await firstEvent;
    controller.abort();
    expect(text).toContain(`"shipmentUpdated":{"id":"${id}","status":"IN_TRANSIT"`);
  });
});

// Only scale mode shares events between instances: in-process pub/sub cannot, by design.
describe.skipIf(!process.env.REDIS_URL)("live updates across instances (Redis)", () => {
  it("delivers to a subscriber on one instance an event recorded through another", async () => {
    const id = await buildShipment(server);
    const client = server.wsClient(undefined, await server.startPeer());
    const updated = subscribe(client, print(ShipmentUpdated), { id });
    await settle(client);
    await server.request(RecordEvents, {
      input: {
        shipmentId: id,
        events: [{ occurredAt: "2026-11-12T09:00:00+08:00", status: "DELIVERED" }],
      },
    });
    await updated.next(1);
    expect(updated.received[0]?.data).toEqual({
      shipmentUpdated: { id, status: "DELIVERED", substatus: null },
    });
    updated.dispose();
  });
});
