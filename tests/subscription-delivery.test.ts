import type { Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import WebSocket from "ws";
import { createApiKey } from "../src/server/api-keys.ts";
import { buildShipment } from "./helpers/factories.ts";
import { settle, subscribe } from "./helpers/live.ts";
import { RecordEvents } from "./helpers/operations.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const SHIPMENT_UPDATED = `subscription DeliveryShipmentUpdated($id: ID!, $locale: Locale) {
  shipmentUpdated(id: $id) { id status buyerMessage(milestone: OUT_FOR_DELIVERY, locale: $locale) }
}`;

let day = 0;
async function recordEvent(id: string): Promise<void> {
  day += 1;
  const recorded = await server.request(RecordEvents, {
    input: {
      shipmentId: id,
      events: [
        { occurredAt: `2026-11-${String(day).padStart(2, "0")}T09:00:00Z`, status: "IN_TRANSIT" },
      ],
    },
  });
  expect(recorded.data?.recordTrackingEvents.recordedCount).toBe(1);
}

type ShipmentUpdatedPayload = { data?: { shipmentUpdated?: unknown } };
/** JSON.stringify calls, during `during`, that serialised a shipmentUpdated result or its message. */
async function serialisations(during: () => Promise<void>): Promise<number> {
  const spy = vi.spyOn(JSON, "stringify");
  try {
    await during();
    return spy.mock.calls.filter(([value]) => {
      const result = value as ShipmentUpdatedPayload & { payload?: ShipmentUpdatedPayload };
      return Boolean(result?.data?.shipmentUpdated ?? result?.payload?.data?.shipmentUpdated);
    }).length;
  } finally {
    spy.mockRestore();
  }
}

/** `count` subscribers of one shipment on their own sockets, all asking the same (one execution). */
async function sameSubscribers(id: string, count: number) {
  const clients: Client[] = Array.from({ length: count }, () => server.wsClient());
  const lives = clients.map((client) => subscribe(client, SHIPMENT_UPDATED, { id, locale: "de" }));
  await Promise.all(clients.map((client) => settle(client)));
  return lives;
}

describe("subscription delivery (decision 053)", () => {
  it("serialises a shared execution's result once, whatever the number of subscribers", async () => {
    const id = await buildShipment(server);
    const counts: number[] = [];
    for (const size of [1, 20]) {
      const lives = await sameSubscribers(id, size);
      counts.push(
        await serialisations(async () => {
          await recordEvent(id);
          await Promise.all(lives.map((live) => live.next(1)));
        }),
      );
      for (const live of lives) {
        expect(live.errors).toEqual([]);
        expect(live.received).toHaveLength(1);
        expect(live.received[0]?.data).toMatchObject({
          shipmentUpdated: { id, status: "IN_TRANSIT", buyerMessage: expect.any(String) },
        });
        live.dispose();
      }
    }
    expect(counts).toEqual([1, 1]);
  });

  it("sends each subscription of a socket its own id, as graphql-ws would have written it", async () => {
    const id = await buildShipment(server);
    const socket = new WebSocket(server.wsUrl, "graphql-transport-ws");
    const frames: string[] = [];
    socket.on("message", (data) => frames.push(String(data)));
    await new Promise((resolve) => socket.once("open", resolve));
    const send = (message: unknown) => socket.send(JSON.stringify(message));
    send({ type: "connection_init", payload: { authorization: `Bearer ${server.tenant.apiKey}` } });
    await vi.waitFor(() => expect(frames).toEqual(['{"type":"connection_ack"}']));
    const ids = ["1", 'quote"and\\slash', "zh-中文"];
    for (const subscriptionId of ids) {
      send({
        id: subscriptionId,
        type: "subscribe",
        payload: { query: SHIPMENT_UPDATED, variables: { id, locale: "zh-Hans" } },
      });
    }
    // A query after the subscribes answers once they have started; then the pub/sub settles.
    send({ id: "ping", type: "subscribe", payload: { query: "{ __typename }" } });
    await vi.waitFor(() => expect(frames.some((frame) => frame.includes('"complete"'))).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    frames.length = 0;

    await recordEvent(id);
    await vi.waitFor(() => expect(frames).toHaveLength(ids.length));
    const messages = frames.map((frame) => JSON.parse(frame));
    expect(messages.map((message) => message.id).sort()).toEqual([...ids].sort());
    for (const [i, message] of messages.entries()) {
      expect(message).toMatchObject({
        type: "next",
        payload: { data: { shipmentUpdated: { id, status: "IN_TRANSIT" } } },
      });
      // Byte for byte what graphql-ws's own JSON.stringify of the message gives.
      expect(frames[i]).toBe(JSON.stringify(message));
    }
    socket.close();
  });

  it("sends nothing to a subscriber of another tenant or without the read scope", async () => {
    const id = await buildShipment(server);
    const other = await server.createTenant("Tenant B");
    const writeOnly = await createApiKey(server.database.db, {
      tenantId: server.tenant.tenantId,
      name: "write only",
      scopes: ["write"],
    });
    const clients = [server.wsClient(), server.wsClient(other.apiKey), server.wsClient(writeOnly)];
    const [mine, theirs, unscoped] = clients.map((client) =>
      subscribe<{ shipmentUpdated: unknown }>(client, SHIPMENT_UPDATED, { id, locale: "en" }),
    );
    await Promise.all(clients.map((client) => settle(client)));
    await recordEvent(id);
    await mine!.next(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(mine!.received[0]?.data).toMatchObject({ shipmentUpdated: { id } });
    for (const refused of [theirs!, unscoped!]) {
      const data = refused.received.map((message) => message.data?.shipmentUpdated ?? null);
      expect(data.filter(Boolean)).toEqual([]);
    }
    expect(JSON.stringify(unscoped!.received[0]?.errors ?? unscoped!.errors)).toContain(
      "lacks the orders:read scope",
    );
    for (const live of [mine!, theirs!, unscoped!]) live.dispose();
  });
});
