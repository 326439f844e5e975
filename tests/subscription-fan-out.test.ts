import { print } from "graphql";
import type { Client } from "graphql-ws";
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

const ShipmentUpdatedMessage = graphql(`
  subscription ShipmentUpdatedMessage($id: ID!, $locale: Locale) {
    shipmentUpdated(id: $id) {
      id status
      buyerMessage(milestone: OUT_FOR_DELIVERY, locale: $locale)
      store { id }
    }
  }
`);

const TrackingEventAddedLocalised = graphql(`
  subscription TrackingEventAddedLocalised($locale: Locale) {
    trackingEventAdded(locale: $locale) {
      shipment { id status }
      events { status description }
    }
  }
`);

type Live = ReturnType<typeof subscribe>;
const LOCALES = ["en", "zh-Hans"] as const;
const OUT_FOR_DELIVERY = { en: "Out for delivery today", "zh-Hans": "派送中" } as const;

/**
 * The operation under another name for every other subscriber: the server runs one execution per
 * distinct operation, so these run their own while still sharing the change's reads.
 */
function named(document: Parameters<typeof print>[0], i: number): string {
  const text = print(document);
  return i % 2 ? text : text.replace(/^subscription (\w+)/, `subscription $1N${i}`);
}

/** `count` subscribers of each kind per instance, each on its own socket, half in English, half in Chinese. */
async function subscribers(id: string, count: number, wsUrls: (string | undefined)[]) {
  const lives: { live: Live; kind: "shipment" | "events"; locale: (typeof LOCALES)[number] }[] = [];
  const clients: Client[] = [];
  for (let i = 0; i < count * wsUrls.length; i++) {
    const client = server.wsClient(undefined, wsUrls[i % wsUrls.length]);
    clients.push(client);
    const locale = LOCALES[i % LOCALES.length]!;
    lives.push({
      live: subscribe(client, named(ShipmentUpdatedMessage, i), { id, locale }),
      kind: "shipment",
      locale,
    });
    lives.push({
      live: subscribe(client, named(TrackingEventAddedLocalised, i), { locale }),
      kind: "events",
      locale,
    });
  }
  await Promise.all(clients.map((client) => settle(client)));
  return lives;
}

/** SQL statements the server ran to record one event and push it to every subscriber. */
async function statementsPerEvent(
  id: string,
  count: number,
  day: number,
  wsUrls: (string | undefined)[] = [undefined],
): Promise<number> {
  const lives = await subscribers(id, count, wsUrls);
  await server.drainJobs();
  server.database.queries.length = 0;
  const recorded = await server.request(RecordEvents, {
    input: {
      shipmentId: id,
      events: [{ occurredAt: `2026-11-${10 + day}T09:00:00-05:00`, status: "OUT_FOR_DELIVERY" }],
    },
  });
  expect(recorded.data?.recordTrackingEvents.recordedCount).toBe(1);
  await Promise.all(lives.map(({ live }) => live.next(1)));
  // The event's own exception check runs beside the fan-out: counted whole, the same each time.
  await server.drainJobs();
  const statements = server.database.queries.filter((sql) => !sql.includes('"ApiKey"')).length;

  for (const { live, kind, locale } of lives) {
    expect(live.errors).toEqual([]);
    expect(live.received).toHaveLength(1);
    const data = live.received[0]?.data as Record<string, unknown>;
    if (kind === "shipment") {
      const message = (data.shipmentUpdated as { buyerMessage: string }).buyerMessage;
      expect(message).toMatch(locale === "en" ? /out for delivery/i : /派送/);
    } else {
      expect(data.trackingEventAdded).toMatchObject({
        shipment: { id, status: "OUT_FOR_DELIVERY" },
        events: [{ status: "OUT_FOR_DELIVERY", description: OUT_FOR_DELIVERY[locale] }],
      });
    }
    live.dispose();
  }
  return statements;
}

describe("subscription fan-out", () => {
  it("runs the same number of SQL statements per event for 1, 10 and 50 subscribers", async () => {
    const id = await buildShipment(server);
    // The first event of a parcel does more (its first status); the ones measured are alike.
    await statementsPerEvent(id, 1, 0);
    const one = await statementsPerEvent(id, 1, 1);
    const ten = await statementsPerEvent(id, 10, 2);
    const fifty = await statementsPerEvent(id, 50, 3);
    expect({ ten, fifty }).toEqual({ ten: one, fifty: one });
  });

  it("never answers a subscriber from another tenant's read of the same change", async () => {
    const other = await server.createTenant("Tenant B");
    const id = await buildShipment(server);
    const [mineClient, theirClient] = [server.wsClient(), server.wsClient(other.apiKey)];
    const mine = subscribe(mineClient, print(TrackingEventAddedLocalised), {});
    const theirs = subscribe(theirClient, print(TrackingEventAddedLocalised), {});
    await Promise.all([settle(mineClient), settle(theirClient)]);
    await server.request(RecordEvents, {
      input: {
        shipmentId: id,
        events: [{ occurredAt: "2026-11-20T09:00:00-05:00", status: "DELIVERED" }],
      },
    });
    await mine.next(1);
    expect(mine.received[0]?.data).toMatchObject({
      trackingEventAdded: { shipment: { id }, events: [{ status: "DELIVERED" }] },
    });
    // Tenant B's feed is its own topic; its next message must be its own parcel's.
    const ownId = await buildShipment(server, {
      apiKey: other.apiKey,
      storeId: globalId("Store", other.amazonStoreId),
    });
    await server.request(
      RecordEvents,
      {
        input: {
          shipmentId: ownId,
          events: [{ occurredAt: "2026-11-20T10:00:00-05:00", status: "IN_TRANSIT" }],
        },
      },
      other.apiKey,
    );
    await theirs.next(1);
    expect(theirs.received).toHaveLength(1);
    expect(theirs.received[0]?.data).toMatchObject({
      trackingEventAdded: { shipment: { id: ownId }, events: [{ status: "IN_TRANSIT" }] },
    });
    mine.dispose();
    theirs.dispose();
  });
});

// With Redis every instance that has subscribers reads the change once: a constant per instance.
describe.skipIf(!process.env.REDIS_URL)("subscription fan-out across instances (Redis)", () => {
  it("runs the same statements per event for 1 and 10 subscribers on each of two instances", async () => {
    const peer = await server.startPeer();
    const id = await buildShipment(server);
    const both = [undefined, peer];
    await statementsPerEvent(id, 1, 4, both);
    const one = await statementsPerEvent(id, 1, 5, both);
    const ten = await statementsPerEvent(id, 10, 6, both);
    expect(ten).toBe(one);
  });
});
